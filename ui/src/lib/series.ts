import type { Meeting } from "../bindings";

/** A meeting as a list shows it: on its own, or standing for its series with the others folded under it. */
export type MeetingRow = {
  meeting: Meeting;
  /** How its series repeats ("weekly on Monday"), when it is one occurrence of a series. */
  repeats?: string;
  /** The series' other occurrences in the same list, in the list's order. */
  rest: Meeting[];
};

/**
 * Folds each series' occurrences under the first of them in the list's order, so a weekly meeting
 * imported a year ahead is one row, not fifty-two. Meetings that are not part of a series stay as they are.
 */
export function bySeries(list: Meeting[]): MeetingRow[] {
  const rows: MeetingRow[] = [];
  const first = new Map<string, MeetingRow>();
  for (const meeting of list) {
    const series = meeting.series;
    const row = series ? first.get(series.series_id) : undefined;
    if (row) {
      row.rest.push(meeting);
      continue;
    }
    const own: MeetingRow = { meeting, repeats: series?.repeats, rest: [] };
    if (series) first.set(series.series_id, own);
    rows.push(own);
  }
  return rows;
}
