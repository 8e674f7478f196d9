import { expect, test } from "vitest";
import { ago, bothTimes, duration, fileSize, localInputToRfc3339, splitList, theirTime, when } from "./format";

const now = new Date("2026-11-23T10:00:00Z");

test("recency reads as words", () => {
  expect(ago("2026-11-23T08:00:00Z", now)).toBe("today");
  expect(ago("2026-11-22T09:00:00Z", now)).toBe("yesterday");
  expect(ago("2026-11-11T10:00:00Z", now)).toBe("12 days ago");
  expect(ago("2026-08-01T10:00:00Z", now)).toBe("3 months ago");
});

test("the client's clock is shown in their own zone", () => {
  expect(theirTime("Asia/Tokyo", now)).toMatch(/7:00 PM/);
  expect(theirTime("America/Sao_Paulo", now)).toMatch(/7:00 AM/);
  expect(theirTime("Not/AZone", now)).toBe("");
});

test("a local date and time becomes RFC 3339 with the user's offset", () => {
  const value = localInputToRfc3339("2026-11-23T09:30");
  expect(value).toMatch(/^2026-11-23T09:30:00[+-]\d{2}:\d{2}$/);
  expect(new Date(value).getTime()).toBe(new Date(2026, 10, 23, 9, 30).getTime());
});

test("a suggested moment reads in the client's time and the user's, with the date when it is far off", () => {
  expect(bothTimes("2026-11-24T08:00:00Z", "Europe/Berlin", now, "Europe/London")).toBe(
    "Tue 9:00 AM their time (Europe/Berlin) · Tue 8:00 AM yours",
  );
  expect(bothTimes("2026-11-24T08:00:00Z", "Europe/Berlin", now, "Europe/Berlin")).toBe("Tue 9:00 AM their time and yours (Europe/Berlin)");
  expect(bothTimes("2026-12-08T08:00:00Z", "Asia/Tokyo", now, "Europe/London")).toBe(
    "Tue, Dec 8, 5:00 PM their time (Asia/Tokyo) · Tue, Dec 8, 8:00 AM yours",
  );
  expect(bothTimes("2026-11-24T08:00:00Z", "Not/AZone", now, "Europe/London")).toBe("Tue 8:00 AM your time");
});

test("a meeting's length reads in hours and minutes", () => {
  expect(duration("2026-11-25T13:00:00Z", "2026-11-25T13:45:00Z")).toBe("45 min");
  expect(duration("2026-11-25T13:00:00Z", "2026-11-25T14:00:00Z")).toBe("1 h");
  expect(duration("2026-11-25T13:00:00Z", "2026-11-25T14:30:00Z")).toBe("1 h 30 min");
});

test("a file's size reads in KB, MB or GB", () => {
  expect(fileSize(0)).toBe("0 KB");
  expect(fileSize(300)).toBe("1 KB");
  expect(fileSize(655_360)).toBe("640 KB");
  expect(fileSize(4_404_019)).toMatch(/^4[.,]2 MB$/);
  expect(fileSize(3 * 1024 * 1024)).toBe("3 MB");
  expect(fileSize(1_288_490_189)).toMatch(/^1[.,]2 GB$/);
  expect(fileSize(null)).toBe("—");
});

test("values typed in one box are split at commas and new lines, trimmed, and blanks dropped", () => {
  expect(splitList(" anna@kestrel.de,anna.vogt@gmail.com \n\n , a@b.de\r\n")).toEqual(["anna@kestrel.de", "anna.vogt@gmail.com", "a@b.de"]);
  expect(splitList("  ")).toEqual([]);
});

test("one clock style everywhere: a full date, a client's time and a card's time all use the locale's clock", () => {
  const at = "2026-11-24T16:58:00Z";
  const twelveHour = /AM|PM/;
  const styles = [when(at), theirTime("Europe/Berlin", new Date(at)), bothTimes(at, "Asia/Tokyo", new Date(at), "UTC")].map((text) =>
    twelveHour.test(text),
  );
  expect(new Set(styles).size, styles.join(", ")).toBe(1);
});
