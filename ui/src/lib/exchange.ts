// The words of importing and exporting: what a chosen file is, what each of its columns can
// hold, what a preview plans and what an import did, said for an account manager.
import type { Column, ExchangeReport, ExportFormat, ImportSource, Outcome } from "../bindings";
import type { Tone } from "./clocks";

/** What a CSV column can hold, in the order the choice lists them. */
export const columnLabel: Record<Column, string> = {
  skip: "Leave out",
  company: "Company",
  name: "Full name",
  first_name: "First name",
  middle_name: "Middle name",
  last_name: "Last name",
  prefix: "Title before the name (Mr, Dr)",
  suffix: "After the name (Jr, PhD)",
  title: "Job title",
  email: "Email",
  other_email: "Other email",
  phone: "Phone",
  other_phone: "Other phone",
  timezone: "Time zone",
  birthday: "Birthday",
  birth_year: "Birth year",
  birth_month: "Birth month",
  birth_day: "Birth day",
  work_anniversary: "Work anniversary",
  anniversary: "Anniversary",
  other_dates: "Other dates",
  notes: "Notes",
  industry: "Industry",
  tier: "Tier",
  renewal_date: "Renewal date",
};

export const columns = Object.keys(columnLabel) as Column[];

/** What an import does to a record, as one word in the preview. */
export const outcomeLabel: Record<Outcome, string> = {
  create: "Add",
  merge: "Merge",
  restore: "Bring back",
  unchanged: "Unchanged",
};

export const outcomeTone: Record<Outcome, Tone | "accent"> = {
  create: "ok",
  merge: "accent",
  restore: "warn",
  unchanged: "neutral",
};

/** What can be exported from Settings; the whole archive has its own place under Your data. */
export const exportFormats: { value: Exclude<ExportFormat, "archive">; label: string }[] = [
  { value: "csv", label: "People as CSV" },
  { value: "vcard", label: "People as vCard 4.0" },
  { value: "vcard3", label: "People as vCard 3.0 (older address books)" },
  { value: "ics", label: "Calendar (.ics)" },
];

const separators: Record<string, string> = { ",": "commas", ";": "semicolons", tab: "tabs", "|": "vertical bars" };

/** A number as an account manager reads it: "250,000". */
const number = (n: number) => n.toLocaleString("en-US");
const count = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`;

/** "CSV, 42 rows, Windows-1252, separated by semicolons"; otherwise what the core calls the
 * format ("vCard address book", "Calendar"). */
export function describeSource(source: ImportSource): string {
  const csv = source.csv;
  if (source.format !== "csv") return source.label;
  if (!csv) return `CSV, ${source.encoding}`;
  const separator = separators[csv.delimiter] ?? `“${csv.delimiter}”`;
  return `CSV, ${count(csv.rows, "row", "rows")}, ${csv.encoding}, separated by ${separator}`;
}

/** Up to three values a column holds in the first rows, so the user can tell what it is. */
export function examples(sample: string[][], column: number, most = 3): string[] {
  return sample
    .map((row) => row[column]?.trim() ?? "")
    .filter((value) => value !== "")
    .slice(0, most);
}

function parts(report: ExchangeReport, words: [string, string, string, string]): string[] {
  const counts = [report.created, report.merged, report.restored, report.unchanged];
  return counts.flatMap((n, i) => (n > 0 ? [`${number(n)} ${words[i]}`] : []));
}

/** How many records an import creates or touches, listed or not. */
export function recordCount(report: ExchangeReport): number {
  return report.created + report.merged + report.restored + report.unchanged;
}

/** Under a long list: "The first 1,000 of 250,000 records are listed above." */
export function notListed(listed: number, all: number, noun: "lines" | "records" | "values"): string {
  return `The first ${number(listed)} of ${number(all)} ${noun} are listed above.`;
}

/**
 * What a preview plans, after what the file holds — never a bare "0 to add": "The file holds 12
 * records: 3 to add, 1 to merge, 8 unchanged."
 */
export function planned(report: ExchangeReport): string {
  const said = parts(report, ["to add", "to merge", "to bring back from the archive", "unchanged"]);
  const holds = `The file holds ${count(report.read, "record", "records")}`;
  if (report.read === 0) return "The file holds no records Rapport can read.";
  if (said.length === 0) return `${holds}, and none of them can be imported: the reasons are below.`;
  if (report.created + report.merged + report.restored === 0) {
    return `${holds}: all of it is already in Rapport as the file has it, so nothing changes.`;
  }
  return `${holds}: ${said.join(", ")}.${met(report, "would join")}`;
}

/** " 2 meetings that have ended join their accounts' history as touches.", or nothing. */
function met(report: ExchangeReport, verb: "would join" | "joined"): string {
  if (report.touches === 0) return "";
  const meetings = count(report.touches, "meeting that has ended", "meetings that have ended");
  return ` ${meetings} ${verb} ${report.touches === 1 ? "its account's" : "their accounts'"} history as ${report.touches === 1 ? "a touch" : "touches"}.`;
}

/** What an import did, with the lines it left out and where the copy from before is. */
export function imported(name: string, report: ExchangeReport): string {
  const said = parts(report, ["added", "merged", "brought back from the archive", "unchanged"]);
  const left = report.problem_count;
  const leftOut = left > 0 ? ` ${count(left, "line with a problem was", "lines with problems were")} left out.` : "";
  const backup = report.backup ? ` A copy from before is in ${report.backup}.` : "";
  return `Imported ${name}: ${said.length === 0 ? "nothing was new" : said.join(", ")}.${met(report, "joined")}${leftOut}${backup}`;
}

/** "Import", or, when the preview found lines that cannot be imported, how many records go in without them. */
export function importLabel(report: ExchangeReport): string {
  if (report.problem_count === 0) return "Import";
  const n = recordCount(report);
  return n === 1 ? "Import the 1 good record" : `Import the ${number(n)} good records`;
}

/** The address a calendar app subscribes to for the file at `path`, on any system. */
export function fileUrl(path: string): string {
  const slashed = path.replaceAll("\\", "/");
  const absolute = slashed.startsWith("/") ? slashed : `/${slashed}`;
  // A Windows drive ("C:") stays as it is; every other part is escaped so spaces survive.
  const encoded = absolute
    .split("/")
    .map((part, i) => (i === 1 && /^[A-Za-z]:$/.test(part) ? part : encodeURIComponent(part)))
    .join("/");
  return `file://${encoded}`;
}
