import { expect, test } from "vitest";
import type { ImportSource, PlannedRecord } from "../bindings";
import { exchangeReport as report } from "../test/fixtures";
import { columnLabel, columns, describeSource, examples, fileUrl, importLabel, imported, notListed, planned } from "./exchange";

function source(overrides: Partial<ImportSource> = {}): ImportSource {
  return { path: "/home/anna/people.csv", name: "people.csv", format: "csv", label: "CSV", encoding: "UTF-8", csv: null, ...overrides };
}

const record = (line: number): PlannedRecord => ({ line, kind: "contact", outcome: "create", label: "Annika Vogt", account: "Kestrel", changes: [] });

test("every column a file can hold has a plain name, leaving out first", () => {
  expect(columns[0]).toBe("skip");
  expect(columns).toHaveLength(25);
  expect(columnLabel.prefix).toBe("Title before the name (Mr, Dr)");
  expect(columnLabel.name).toBe("Full name");
  expect(columnLabel.renewal_date).toBe("Renewal date");
});

test("a chosen file is said as what it is", () => {
  const layout = { encoding: "Windows-1252", delimiter: ";", header: [], suggested: [], sample: [], rows: 42, has_header: true };
  expect(describeSource(source({ csv: layout }))).toBe("CSV, 42 rows, Windows-1252, separated by semicolons");
  expect(describeSource(source({ csv: { ...layout, rows: 1, delimiter: "tab", encoding: "UTF-8" } }))).toBe("CSV, 1 row, UTF-8, separated by tabs");
  expect(describeSource(source({ csv: { ...layout, delimiter: "," } }))).toMatch(/separated by commas$/);
  expect(describeSource(source({ csv: null, encoding: "UTF-16LE" }))).toBe("CSV, UTF-16LE");
  // Every other format is said as the core's list of formats names it.
  expect(describeSource(source({ format: "vcard", label: "vCard address book" }))).toBe("vCard address book");
  expect(describeSource(source({ format: "icalendar", label: "Calendar" }))).toBe("Calendar");
});

test("a column's examples are its first few values that are not blank", () => {
  const sample = [
    ["Annika", ""],
    ["Jonas", " jonas@kestrel.de "],
    ["Mira"],
    ["Lena", "lena@kestrel.de"],
    ["Ole", "ole@kestrel.de"],
    ["Pia", "pia@kestrel.de"],
  ];
  expect(examples(sample, 0)).toEqual(["Annika", "Jonas", "Mira"]);
  expect(examples(sample, 1)).toEqual(["jonas@kestrel.de", "lena@kestrel.de", "ole@kestrel.de"]);
  expect(examples(sample, 5)).toEqual([]);
});

test("a preview says what the file holds and what it would do, and never a bare nothing", () => {
  expect(planned(report({ read: 11, created: 3, merged: 1, restored: 1, unchanged: 6 }))).toBe(
    "The file holds 11 records: 3 to add, 1 to merge, 1 to bring back from the archive, 6 unchanged.",
  );
  expect(planned(report({ read: 1, created: 1 }))).toBe("The file holds 1 record: 1 to add.");
  expect(planned(report({ read: 4, unchanged: 4 }))).toBe("The file holds 4 records: all of it is already in Rapport as the file has it, so nothing changes.");
  expect(planned(report({ read: 2 }))).toBe("The file holds 2 records, and none of them can be imported: the reasons are below.");
  expect(planned(report({ read: 0 }))).toBe("The file holds no records Rapport can read.");
  expect(planned(report({ read: 3, created: 3, touches: 2 }))).toBe(
    "The file holds 3 records: 3 to add. 2 meetings that have ended would join their accounts' history as touches.",
  );
});

test("an import says what it did, what it left out and where the copy from before is", () => {
  expect(imported("people.csv", report({ created: 3, merged: 1, unchanged: 6, dry_run: false, backup: "/backups/before.db" }))).toBe(
    "Imported people.csv: 3 added, 1 merged, 6 unchanged. A copy from before is in /backups/before.db.",
  );
  expect(imported("team.vcf", report({ restored: 1, problems: [{ line: 4, message: "x" }] }))).toBe(
    "Imported team.vcf: 1 brought back from the archive. 1 line with a problem was left out.",
  );
  expect(imported("old.csv", report({ problems: [{ line: 4, message: "x" }, { line: 9, message: "y" }] }))).toBe(
    "Imported old.csv: nothing was new. 2 lines with problems were left out.",
  );
  expect(imported("work.ics", report({ created: 1, touches: 1, dry_run: false }))).toBe(
    "Imported work.ics: 1 added. 1 meeting that has ended joined its account's history as a touch.",
  );
});

test("the import button says how many records go in when some lines cannot", () => {
  expect(importLabel(report({ records: [record(2), record(3)], created: 2 }))).toBe("Import");
  const problems = [{ line: 4, message: "x" }];
  expect(importLabel(report({ records: [record(2), record(3)], created: 1, merged: 1, problems }))).toBe("Import the 2 good records");
  expect(importLabel(report({ records: [record(2)], created: 1, problems }))).toBe("Import the 1 good record");
});

test("a file too long to list is counted whole: the button and the sentences count every record and line", () => {
  const listed = Array.from({ length: 1000 }, (_, n) => record(n + 2));
  const problems = Array.from({ length: 1000 }, (_, n) => ({ line: n + 2, message: "x" }));
  const long = report({ records: listed, created: 249_000, merged: 1000, problems, problem_count: 4200, dry_run: false });
  expect(importLabel(long)).toBe("Import the 250,000 good records");
  expect(imported("crm.csv", long)).toBe("Imported crm.csv: 249,000 added, 1,000 merged. 4,200 lines with problems were left out.");
  expect(notListed(1000, 250_000, "records")).toBe("The first 1,000 of 250,000 records are listed above.");
});

test("the calendar file's address works on every system", () => {
  expect(fileUrl("/home/anna/Rapport/calendar.ics")).toBe("file:///home/anna/Rapport/calendar.ics");
  expect(fileUrl("/Users/anna/My Calendars/rapport.ics")).toBe("file:///Users/anna/My%20Calendars/rapport.ics");
  expect(fileUrl("C:\\Users\\Anna\\rapport.ics")).toBe("file:///C:/Users/Anna/rapport.ics");
});
