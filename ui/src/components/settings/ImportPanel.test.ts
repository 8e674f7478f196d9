import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import { dataVersion } from "../../lib/refresh.svelte";
import { csvLayout, exchangeReport, importSource, plannedRecord, summary } from "../../test/fixtures";
import ImportPanel from "./ImportPanel.svelte";

afterEach(() => clearMocks());

type Call = { command: string; args: Record<string, unknown> };

const kestrel = summary({ id: "account-kestrel", name: "Kestrel Logistik GmbH" });
const halden = summary({ id: "account-halden", name: "Halden Foods" });
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Answers the import commands as told; every call is kept. */
function serving(answers: Record<string, (args: Record<string, unknown>) => unknown>) {
  const calls: Call[] = [];
  mockIPC((command, args) => {
    const given = (args ?? {}) as Record<string, unknown>;
    calls.push({ command, args: given });
    const answer = answers[command];
    if (answer) return answer(given);
    throw new Error(`unexpected ${command}`);
  });
  return calls;
}

const called = (calls: Call[], command: string) => calls.filter((c) => c.command === command).map((c) => c.args);

const renderPanel = () => render(ImportPanel, { accounts: [kestrel, halden] });

const choose = (screen: Awaited<ReturnType<typeof renderPanel>>) =>
  screen.getByRole("button", { name: "Import contacts, companies or a calendar…" }).click();

test("a spreadsheet shows what it is and each column with examples and Rapport's suggestion; a changed one is previewed", async () => {
  const calls = serving({
    inspect_import: () => importSource(),
    preview_import: () => exchangeReport({ records: [plannedRecord()], created: 1 }),
  });
  const screen = await renderPanel();
  await choose(screen);

  await expect.element(screen.getByText("people.csv")).toBeVisible();
  await expect.element(screen.getByText("CSV, 42 rows, Windows-1252, separated by semicolons")).toBeVisible();
  const firma = screen.getByRole("combobox", { name: 'What "Firma" holds' });
  await expect.element(screen.getByRole("combobox", { name: 'What "Name" holds' })).toHaveValue("name");
  await expect.element(firma).toHaveValue("company");
  await expect.element(screen.getByRole("combobox", { name: 'What "E-Mail" holds' })).toHaveValue("email");
  const row = screen.getByRole("row").filter({ hasText: "E-Mail" });
  await expect.element(row).toHaveTextContent("annika@kestrel.dejonas@kestrel.demira@kestrel.de");
  await expect.element(row).not.toHaveTextContent("lena@kestrel.de");
  expect(called(calls, "inspect_import")).toEqual([{ path: null, noHeader: false }]);

  await firma.selectOptions("Notes");
  await screen.getByLabelText("People or meetings the file does not place go to").selectOptions("Halden Foods");
  await screen.getByRole("button", { name: "Preview" }).click();

  await expect.element(screen.getByText("The file holds 1 record: 1 to add.")).toBeVisible();
  expect(called(calls, "preview_import")).toEqual([
    {
      path: "/home/anna/Downloads/people.csv",
      options: { account_id: "account-halden", mapping: ["name", "notes", "email"], skip_bad_rows: false, timezone: zone, no_header: false },
    },
  ]);
});

test("a preview lists every record and every line that cannot be imported, and imports the good ones", async () => {
  const records = [
    plannedRecord({ line: 1, kind: "account", label: "Kestrel Logistik GmbH", outcome: "unchanged" }),
    plannedRecord({ line: 2, label: "Annika Vogt", outcome: "merge", changes: ["adds email annika@kestrel.de", "adds phone +49 40 555 0100"] }),
    plannedRecord({ line: 3, label: "Jonas Keller", outcome: "restore" }),
    plannedRecord({ line: 5, label: "Lena Brandt", outcome: "create" }),
  ];
  const problems = [
    { line: 4, message: "Mira Schulz has no company, and no account was chosen for people without one." },
    { line: 12, message: '"31.02.1980" is not a date.' },
  ];
  const backup = "/home/anna/.local/share/rapport/backups/rapport-2026-11-23-before_import.db";
  const calls = serving({
    inspect_import: () => importSource(),
    preview_import: () => exchangeReport({ records, problems, skipped: ["PHOTO", "X-SOCIALPROFILE"], created: 1, merged: 1, restored: 1, unchanged: 1 }),
    import_file: () => exchangeReport({ records, problems, created: 1, merged: 1, restored: 1, unchanged: 1, dry_run: false, backup }),
  });
  const before = dataVersion.n;
  const screen = await renderPanel();
  await choose(screen);
  await screen.getByRole("button", { name: "Preview" }).click();

  await expect.element(screen.getByText("The file holds 4 records: 1 to add, 1 to merge, 1 to bring back from the archive, 1 unchanged.")).toBeVisible();
  const bad = screen.getByRole("region", { name: "Lines that cannot be imported" });
  expect(bad.getByRole("listitem").elements().map((item) => item.textContent)).toEqual([
    "Line 4: Mira Schulz has no company, and no account was chosen for people without one.",
    'Line 12: "31.02.1980" is not a date.',
  ]);
  await expect.element(screen.getByText("Not kept by Rapport: PHOTO, X-SOCIALPROFILE")).toBeVisible();
  const table = screen.getByRole("table", { name: "What the import would do, line by line" });
  expect(
    table
      .getByRole("row")
      .elements()
      .map((row) => [...row.children].map((cell) => cell.textContent?.trim())),
  ).toEqual([
    ["Line", "What", "Name", "Account", "Outcome", "Changes"],
    ["1", "Account", "Kestrel Logistik GmbH", "Kestrel Logistik GmbH", "Unchanged", ""],
    ["2", "Person", "Annika Vogt", "Kestrel Logistik GmbH", "Merge", "adds email annika@kestrel.de; adds phone +49 40 555 0100"],
    ["3", "Person", "Jonas Keller", "Kestrel Logistik GmbH", "Bring back", ""],
    ["5", "Person", "Lena Brandt", "Kestrel Logistik GmbH", "Add", ""],
  ]);
  expect(screen.getByRole("button", { name: "Import", exact: true }).elements()).toHaveLength(0);

  await screen.getByRole("button", { name: "Import the 4 good records" }).click();
  await expect
    .element(screen.getByRole("status"))
    .toHaveTextContent(
      `Imported people.csv: 1 added, 1 merged, 1 brought back from the archive, 1 unchanged. 2 lines with problems were left out. A copy from before is in ${backup}.`,
    );
  expect(called(calls, "import_file")).toEqual([
    {
      path: "/home/anna/Downloads/people.csv",
      options: { account_id: null, mapping: ["name", "company", "email"], skip_bad_rows: true, timezone: zone, no_header: false },
    },
  ]);
  expect(dataVersion.n).toBe(before + 1);
  await expect.element(screen.getByText("people.csv", { exact: true })).not.toBeInTheDocument();
});

test("a preview without problems offers Import, and a change of column or account asks for a new preview", async () => {
  const calls = serving({
    inspect_import: () => importSource(),
    preview_import: () => exchangeReport({ records: [plannedRecord()], created: 1 }),
  });
  const screen = await renderPanel();
  await choose(screen);
  await screen.getByRole("button", { name: "Preview" }).click();
  await expect.element(screen.getByRole("button", { name: "Import", exact: true })).toBeVisible();

  await screen.getByRole("combobox", { name: 'What "Name" holds' }).selectOptions("Leave out");
  await expect.element(screen.getByRole("button", { name: "Import", exact: true })).not.toBeInTheDocument();
  await expect.element(screen.getByText("The file holds 1 record: 1 to add.")).not.toBeInTheDocument();
  await screen.getByRole("button", { name: "Preview" }).click();
  await expect.element(screen.getByRole("button", { name: "Import", exact: true })).toBeVisible();

  await screen.getByLabelText("People or meetings the file does not place go to").selectOptions("Kestrel Logistik GmbH");
  await expect.element(screen.getByRole("button", { name: "Preview" })).toBeVisible();
  expect(called(calls, "preview_import").map((args) => (args.options as { mapping: string[] }).mapping)).toEqual([
    ["name", "company", "email"],
    ["skip", "company", "email"],
  ]);
  expect(called(calls, "import_file")).toEqual([]);
});

test("an address book has no columns to choose, and is previewed without them", async () => {
  const calls = serving({
    inspect_import: () => importSource({ name: "team.vcf", path: "/home/anna/team.vcf", format: "vcard", label: "vCard address book", encoding: "UTF-8", csv: null }),
    preview_import: () => exchangeReport({ format: "vcard", records: [plannedRecord()], created: 1 }),
  });
  const screen = await renderPanel();
  await choose(screen);
  await expect.element(screen.getByText("vCard address book")).toBeVisible();
  expect(screen.getByRole("combobox").elements()).toHaveLength(1);
  await screen.getByRole("button", { name: "Preview" }).click();
  await expect.element(screen.getByRole("button", { name: "Import", exact: true })).toBeVisible();
  expect(called(calls, "preview_import")).toEqual([
    { path: "/home/anna/team.vcf", options: { account_id: null, mapping: null, skip_bad_rows: false, timezone: zone, no_header: false } },
  ]);
});

test("a column without a heading is named by its place, and one with no values says so", async () => {
  const layout = csvLayout({ header: ["Name", ""], suggested: ["name", "skip"], sample: [["Annika Vogt", ""]], rows: 1, delimiter: "," });
  serving({ inspect_import: () => importSource({ csv: layout }) });
  const screen = await renderPanel();
  await choose(screen);
  await expect.element(screen.getByText("CSV, 1 row, Windows-1252, separated by commas")).toBeVisible();
  await expect.element(screen.getByRole("combobox", { name: 'What "column 2" holds' })).toHaveValue("skip");
  await expect.element(screen.getByRole("row").filter({ hasText: "column 2" })).toHaveTextContent("Empty");
});

test("cancelling the file dialog shows nothing", async () => {
  const calls = serving({ inspect_import: () => null });
  const screen = await renderPanel();
  await choose(screen);
  await expect.poll(() => called(calls, "inspect_import")).toEqual([{ path: null, noHeader: false }]);
  await expect.element(screen.getByRole("button", { name: "Import contacts, companies or a calendar…" })).toBeEnabled();
  expect(screen.getByRole("combobox").elements()).toHaveLength(0);
  expect(screen.getByRole("button", { name: "Preview" }).elements()).toHaveLength(0);
  expect(screen.getByRole("alert").elements()).toHaveLength(0);
  await expect.element(screen.getByRole("status")).toHaveTextContent("");
});

test("a Rapport archive is pointed to Import archive… under Your data", async () => {
  serving({ inspect_import: () => importSource({ name: "rapport-archive.json", format: "archive", label: "Rapport archive", encoding: "UTF-8", csv: null }) });
  const screen = await renderPanel();
  await choose(screen);
  await expect.element(screen.getByText("Rapport archive", { exact: true })).toBeVisible();
  await expect
    .element(screen.getByText("A Rapport archive holds everything", { exact: false }))
    .toHaveTextContent("bring it in with “Import archive…” under Your data");
  expect(screen.getByRole("button", { name: "Preview" }).elements()).toHaveLength(0);
});

test("a refused import is said as its sentence, and nothing is refreshed", async () => {
  const refusal = "Nothing was imported: line 7 has a problem. Correct the file, or import the good records only.";
  serving({
    inspect_import: () => importSource(),
    preview_import: () => exchangeReport({ records: [plannedRecord()], created: 1 }),
    import_file: () => {
      throw { code: "bad_lines", field: null, message: refusal };
    },
  });
  const before = dataVersion.n;
  const screen = await renderPanel();
  await choose(screen);
  await screen.getByRole("button", { name: "Preview" }).click();
  await screen.getByRole("button", { name: "Import", exact: true }).click();
  const alert = screen.getByRole("alert");
  await expect.element(alert).toHaveTextContent(refusal);
  await expect.element(alert).toHaveClass("form-error");
  await expect.element(screen.getByRole("status")).toHaveTextContent("");
  expect(dataVersion.n).toBe(before);
});

test("a spreadsheet whose first row is data is read again without a header, and imported so", async () => {
  const headerless = csvLayout({ header: ["Column 1", "Column 2"], suggested: ["name", "email"], sample: [["Annika Vogt", "annika@kestrel.de"]], has_header: false });
  const calls = serving({
    inspect_import: (args) => importSource({ csv: args.noHeader ? headerless : csvLayout() }),
    preview_import: () => exchangeReport({ records: [plannedRecord()], created: 1 }),
  });
  const screen = await renderPanel();
  await choose(screen);
  const header = screen.getByRole("checkbox", { name: "The first row names the columns" });
  await expect.element(header).toBeChecked();
  await header.click();
  await expect.element(screen.getByRole("combobox", { name: 'What "Column 2" holds' })).toHaveValue("email");
  await expect.element(header).not.toBeChecked();
  await screen.getByRole("button", { name: "Preview" }).click();
  await expect.element(screen.getByText("The file holds 1 record: 1 to add.")).toBeVisible();
  expect(called(calls, "inspect_import").at(-1)).toEqual({ path: "/home/anna/Downloads/people.csv", noHeader: true });
  expect((called(calls, "preview_import")[0]!.options as { no_header: boolean }).no_header).toBe(true);
});
