// The words the UI uses for each of the core's enumerations, in one place.
import type {
  AccountStatus,
  BackupReason,
  CultureCategory,
  DateKind,
  GoalKind,
  GoalStatus,
  Level,
  RecordKind,
  Severity,
  Tier,
  Weekday,
} from "../bindings";
import type { Tone } from "./clocks";

export const tierLabel: Record<Tier, string> = { strategic: "Strategic", core: "Core", standard: "Standard" };

export const statusLabel: Record<AccountStatus, string> = {
  active: "Active",
  prospect: "Prospect",
  paused: "Paused",
  former: "Former client",
};

export const levelLabel: Record<Level, string> = { executive: "Executive", manager: "Manager", staff: "Staff" };

export const dateKindLabel: Record<DateKind, string> = {
  birthday: "Birthday",
  work_anniversary: "Work anniversary",
  other: "Other date",
};

export const weekdayLabel: Record<Weekday, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

export const weekdays = Object.keys(weekdayLabel) as Weekday[];

export const cultureLabel: Record<CultureCategory, string> = {
  communication: "How they communicate",
  decision_making: "How decisions are made",
  etiquette: "Etiquette",
  dress: "Dress",
  travel_expense: "Travel and expenses",
  calendar: "Calendar and holidays",
  language: "Language",
  other: "Other",
};

export const cultureCategories = Object.keys(cultureLabel) as CultureCategory[];

/** Headings for the four kinds of goal a lasting relationship serves. */
export const goalKindLabel: Record<GoalKind, string> = {
  company: "Their company's goals",
  personal: "Their people's own goals",
  ours: "Our goals for this account",
  our_company: "Our company's goals",
};

export const goalKindHint: Record<GoalKind, string> = {
  company: "What their company or programme is trying to achieve.",
  personal: "What each person wants for themselves: a promotion, a skill, a quieter quarter.",
  ours: "What we want from this account: renewal, growth, a reference.",
  our_company: "What our own company needs this year, and how this account can help.",
};

export const goalKinds = Object.keys(goalKindLabel) as GoalKind[];

export const goalStatusLabel: Record<GoalStatus, string> = {
  open: "Open",
  on_track: "On track",
  at_risk: "At risk",
  achieved: "Achieved",
  dropped: "Dropped",
};

export const goalStatuses = Object.keys(goalStatusLabel) as GoalStatus[];

/** How each goal status is coloured: at risk is red, on track and achieved green. */
export const goalStatusTone: Record<GoalStatus, Tone> = {
  open: "neutral",
  on_track: "ok",
  at_risk: "bad",
  achieved: "ok",
  dropped: "neutral",
};

export const severityLabel: Record<Severity, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const severities = Object.keys(severityLabel) as Severity[];

export const severityTone: Record<Severity, Tone> = { low: "neutral", medium: "warn", high: "bad", critical: "bad" };

/** What a record is called in a sentence ("Archived the promise"). */
export const kindNoun: Record<RecordKind, string> = {
  account: "Account",
  contact: "Person",
  culture_note: "Culture note",
  goal: "Goal",
  promise: "Promise",
  interaction: "History entry",
  request: "Request",
  issue: "Issue",
  meeting: "Meeting",
};

/** Headings for groups of search results. */
export const kindGroupLabel: Record<RecordKind, string> = {
  account: "Accounts",
  contact: "People",
  culture_note: "Culture notes",
  goal: "Goals",
  promise: "Promises",
  interaction: "History",
  request: "Requests",
  issue: "Issues",
  meeting: "Meetings",
};

/** Why a backup was taken, as the list of backups says it. */
export const backupReasonLabel: Record<BackupReason, string> = {
  scheduled: "Daily",
  manual: "By hand",
  before_migration: "Before an update",
  before_import: "Before an import",
  before_restore: "Before a restore",
  before_lock_change: "Before locking or unlocking",
  before_merge: "Before a merge",
};
