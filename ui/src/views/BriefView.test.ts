import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import type { BriefOutline_Serialize as BriefOutline } from "../bindings";
import savedMarkdown from "../../../tests/golden/brief-kestrel.md?raw";
import kestrelJson from "../test/brief-kestrel.outline.json?raw";
import { briefLine, briefOutline } from "../test/fixtures";
import BriefView from "./BriefView.svelte";

afterEach(() => {
  clearMocks();
  vi.restoreAllMocks();
});

type Call = { command: string; args: Record<string, unknown> };

/**
 * Kestrel's brief before its steering committee, as the core outlines it (`tests/brief.rs` keeps
 * this file equal to what the core says), and the same brief as the core saves it in Markdown.
 */
const kestrel = JSON.parse(kestrelJson) as BriefOutline;

/** Answers `brief` with `data` and `save_brief` with `saved` (a path, null, or an error to throw). */
function serving(data: BriefOutline, saved: unknown = null) {
  const calls: Call[] = [];
  mockIPC((command, args) => {
    calls.push({ command, args: (args ?? {}) as Record<string, unknown> });
    if (command === "brief") return data;
    if (command === "save_brief") {
      if (saved instanceof Error) throw { code: "storage", message: saved.message, field: null };
      return saved;
    }
    if (command === "open_saved_brief") {
      throw { code: "file", message: "Rapport saved the brief, but could not open it. Open it from that folder.", field: null };
    }
    throw new Error(`unexpected ${command}`);
  });
  return calls;
}

/** What a reader of the Markdown reads: escapes undone, bold and italics marks dropped. */
function read(markdown: string): string {
  return markdown.replace(/\*\*/g, "").replace(/\\(.)/g, "$1");
}

/** The saved document, part by part: its title, subtitle, headings and items, as they read. */
function parts(markdown: string) {
  const lines = markdown.split("\n");
  const starting = (prefix: string) => lines.filter((l) => l.startsWith(prefix)).map((l) => read(l.slice(prefix.length)));
  return {
    title: starting("# ")[0],
    subtitle: read(lines.find((l) => l.startsWith("_"))?.slice(1, -1) ?? ""),
    sections: starting("## "),
    groups: starting("### "),
    items: starting("- "),
  };
}

const texts = (elements: Element[]) => elements.map((e) => (e.textContent ?? "").replace(/\s+/g, " ").trim());

test("what the screen says is what the saved Markdown says, heading for heading and item for item", async () => {
  const calls = serving(kestrel);
  const screen = await render(BriefView, { accountId: "account-1" });
  const saved = parts(savedMarkdown);
  await expect.element(screen.getByRole("heading", { level: 1 })).toHaveTextContent(saved.title ?? "no title");
  expect(saved.title).toBe("Brief: Kestrel Logistik GmbH — Steering committee");
  expect(calls[0]).toEqual({ command: "brief", args: { accountId: "account-1", meetingId: null } });

  expect(screen.container.querySelector("header p")?.textContent).toBe(saved.subtitle);
  expect(texts(screen.getByRole("heading", { level: 2 }).elements())).toEqual(saved.sections);
  expect(texts(screen.getByRole("heading", { level: 3 }).elements())).toEqual(saved.groups);
  expect(texts([...screen.container.querySelectorAll("article li")])).toEqual(saved.items);
  expect(saved.sections).toContain("Questions worth asking");
  expect(saved.items.length).toBeGreaterThan(40);

  // And it reads as one page: each section a region named by its heading.
  const meeting = screen.getByRole("region", { name: "The meeting" });
  await expect.element(meeting).toHaveTextContent("When: Tue 24 Nov 2026, 17:00 their time (Europe/Berlin) · Tue 16:00 yours (UTC) — 1 h");
  await expect.element(screen.getByRole("link", { name: "← Kestrel Logistik GmbH" })).toHaveAttribute("href", "#/accounts/account-1");
});

test("a flag is coloured by what it asks of the user: act now, keep an eye on it, all well", async () => {
  serving(kestrel);
  const screen = await render(BriefView, { accountId: "account-1" });
  const promises = screen.getByRole("region", { name: "Promises" });
  const overdue = promises.getByRole("listitem").filter({ hasText: "Share their requirements" });
  await expect.element(overdue.getByText("overdue", { exact: true })).toHaveAttribute("data-tone", "bad");
  const dueSoon = promises.getByRole("listitem").filter({ hasText: "Send the proposal" });
  await expect.element(dueSoon.getByText("due soon", { exact: true })).toHaveAttribute("data-tone", "warn");
  await expect.element(promises.getByText("kept on time").first()).toHaveAttribute("data-tone", "ok");
});

test("text the user typed is shown as written, never run as HTML or Markdown", async () => {
  const hostile = `<img src=x onerror="document.title='pwned'"> **bold**`;
  const formula = `=HYPERLINK("x")`;
  const title = document.title;
  serving(
    briefOutline({
      account: hostile,
      title: `Brief: Kestrel Logistik GmbH — ${hostile}`,
      sections: [
        {
          title: "Who attends",
          groups: [{ title: `${hostile} — ${formula}`, lines: [briefLine(["strong", "Last touch: "], ["text", hostile])] }],
        },
        { title: "Culture reminders", groups: [{ title: null, lines: [briefLine(["strong", "Etiquette: "], ["text", hostile])] }] },
      ],
    }),
  );
  const screen = await render(BriefView, { accountId: "account-1" });
  const culture = screen.getByRole("region", { name: "Culture reminders" });
  await expect.element(culture.getByText(hostile, { exact: true })).toBeVisible();
  await expect.element(screen.getByRole("heading", { level: 1 })).toHaveTextContent(`Brief: Kestrel Logistik GmbH — ${hostile}`);
  await expect.element(screen.getByRole("heading", { level: 3 })).toHaveTextContent(`${hostile} — ${formula}`);
  await expect.element(screen.getByRole("link", { name: `← ${hostile}` })).toBeVisible();
  // Give a broken image the time it would need to fire its handler.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(screen.container.querySelector("img")).toBeNull();
  expect(screen.container.querySelector("a[href='x']")).toBeNull();
  expect([...screen.container.querySelectorAll("strong, b, em")].map((e) => e.textContent)).not.toContain("bold");
  expect(document.title).toBe(title);
});

test("Save as Markdown asks the core to save the brief, and says where it went", async () => {
  const calls = serving(kestrel, "/home/sam/Documents/Kestrel brief.md");
  const screen = await render(BriefView, { accountId: "account-1", meetingId: "meeting-qbr" });
  await screen.getByRole("button", { name: "Save as Markdown" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Saved to /home/sam/Documents/Kestrel brief.md.");
  expect(calls[0]).toEqual({ command: "brief", args: { accountId: "account-1", meetingId: "meeting-qbr" } });
  expect(calls.filter((c) => c.command === "save_brief").map((c) => c.args)).toEqual([
    { accountId: "account-1", meetingId: "meeting-qbr", format: "markdown" },
  ]);
});

test("the saved brief can be opened from where it says it went, and a failure to open is said", async () => {
  const calls = serving(kestrel, "/home/sam/Documents/2026-11-24 Kestrel Logistik GmbH — Quarterly review.md");
  const screen = await render(BriefView, { accountId: "account-1", meetingId: "meeting-qbr" });
  await screen.getByRole("button", { name: "Save as Markdown" }).click();
  await screen.getByRole("button", { name: "Open it" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent("could not open it. Open it from that folder.");
  expect(calls.map((c) => c.command)).toContain("open_saved_brief");
});

test("Save as HTML shows the core's sentence when it fails, and nothing when the user cancels", async () => {
  const calls = serving(briefOutline(), new Error("Rapport could not write the file. Choose another folder."));
  const screen = await render(BriefView, { accountId: "account-1" });
  await screen.getByRole("button", { name: "Save as HTML" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent("Rapport could not write the file. Choose another folder.");
  expect(calls.at(-1)).toEqual({ command: "save_brief", args: { accountId: "account-1", meetingId: null, format: "html" } });

  const cancelled = serving(briefOutline(), null);
  await screen.getByRole("button", { name: "Save as HTML" }).click();
  await expect.poll(() => cancelled.length).toBe(1);
  await expect.element(screen.getByRole("alert")).not.toBeInTheDocument();
  expect(screen.container.querySelector('[role="status"]')?.textContent).toBe("");
});

test("Print opens the system's print dialog, and a link leads back to the account", async () => {
  const print = vi.spyOn(window, "print").mockImplementation(() => {});
  serving(briefOutline());
  const screen = await render(BriefView, { accountId: "account-1" });
  await screen.getByRole("button", { name: "Print" }).click();
  expect(print).toHaveBeenCalledOnce();
  await expect.element(screen.getByRole("link", { name: "← Kestrel Logistik GmbH" })).toHaveAttribute("href", "#/accounts/account-1");
});

test("a brief that cannot be made says why", async () => {
  mockIPC(() => {
    throw { code: "not_found", message: "That account no longer exists. It may have been archived.", field: null };
  });
  const screen = await render(BriefView, { accountId: "gone" });
  await expect.element(screen.getByRole("alert")).toHaveTextContent("That account no longer exists.");
  await expect.element(screen.getByRole("link", { name: "← Back to the account" })).toHaveAttribute("href", "#/accounts/gone");
});
