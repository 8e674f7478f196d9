// Small builders for UI tests: a record with sensible defaults, overridden where it matters.
import type {
  Account,
  AccountHealth_Serialize,
  AccountPage,
  AccountReview_Serialize,
  AccountRow,
  ArchivedRecord,
  BackupFile,
  Backups,
  BriefOutline_Serialize,
  Changes_Serialize,
  ClientRequest,
  Component_Serialize,
  Contact,
  CsvLayout,
  CultureNote,
  ExchangeReport_Serialize,
  Goal,
  ImportSource_Serialize,
  Interaction,
  Issue,
  Meeting,
  OutlineLine,
  OutlineSpan,
  PlannedRecord,
  PromiseRecord,
  Reason,
  ReasonCode,
  SearchHit,
  TrustLedger_Serialize,
  Settings,
  Snapshot_Serialize,
  Suggestion,
  TimelineEntry,
  TrendPoint_Serialize,
  Weights_Serialize,
} from "../bindings";

export const NOW = new Date("2026-11-23T10:00:00Z");

export function summary(overrides: Partial<AccountRow> = {}): AccountRow {
  return {
    id: crypto.randomUUID(),
    name: "Kestrel Logistik GmbH",
    tier: "core",
    status: "active",
    industry: "Logistics",
    timezone: "Europe/Berlin",
    contact_count: 3,
    last_touch_at: "2026-11-20T10:00:00Z",
    cadence_days: 30,
    touch: "within",
    score: 72,
    band: "watch",
    next_action: null,
    ...overrides,
  };
}

export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: crypto.randomUUID(),
    account_id: "account-1",
    name: "Annika Vogt",
    title: "Chief Operating Officer",
    level: "executive",
    reports_to: null,
    email: null,
    phone: null,
    other_emails: [],
    other_phones: [],
    preferred_channel: "call",
    timezone: null,
    cadence_days: null,
    dates: [],
    name_parts: null,
    notes: "",
    roles: [],
    influence: null,
    stance: null,
    introduced_by: null,
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2025-01-01T00:00:00Z",
    ...overrides,
  };
}

export function interaction(overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: crypto.randomUUID(),
    account_id: "account-1",
    occurred_at: "2026-11-20T10:00:00Z",
    channel: "call",
    initiated_by: "us",
    contact_ids: [],
    summary: "Quarterly review",
    sentiment: null,
    strategic: false,
    source: "typed",
    message_id: null,
    snippet: null,
    serves: null,
    private: false,
    created_at: "2026-11-20T10:00:00Z",
    ...overrides,
  };
}

const CREATED = "2025-01-01T00:00:00Z";

export function account(overrides: Partial<Account> = {}): Account {
  return {
    id: "account-1",
    name: "Kestrel Logistik GmbH",
    tier: "strategic",
    status: "active",
    industry: "Logistics",
    timezone: "Europe/Berlin",
    working_days: ["mon", "tue", "wed", "thu", "fri"],
    working_hours: { start: "09:00", end: "17:30" },
    holidays: [],
    renewal_date: "2027-03-31",
    cadence_days: null,
    notes: "",
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  };
}

export function cultureNote(overrides: Partial<CultureNote> = {}): CultureNote {
  return {
    id: crypto.randomUUID(),
    account_id: "account-1",
    contact_id: null,
    category: "communication",
    text: "Short emails, decisions by phone",
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  };
}

export function goal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: crypto.randomUUID(),
    account_id: "account-1",
    kind: "company",
    contact_id: null,
    title: "Cut cross-dock time by a fifth",
    detail: "",
    status: "open",
    target_date: null,
    stated: true,
    progress: [],
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  };
}

export function promise(overrides: Partial<PromiseRecord> = {}): PromiseRecord {
  return {
    id: crypto.randomUUID(),
    account_id: "account-1",
    direction: "ours",
    contact_id: null,
    text: "Send the revised rollout plan",
    made_at: "2026-11-16T10:00:00Z",
    due_at: "2026-11-27T22:59:00Z",
    status: "open",
    completed_at: null,
    extra: null,
    interaction_id: null,
    created_at: "2026-11-16T10:00:00Z",
    updated_at: "2026-11-16T10:00:00Z",
    ...overrides,
  };
}

/** A request received `hoursAgo` hours before NOW. */
export function request(hoursAgo: number, overrides: Partial<ClientRequest> = {}): ClientRequest {
  const received = new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();
  return {
    id: crypto.randomUUID(),
    account_id: "account-1",
    contact_id: null,
    received_at: received,
    text: "A quote for two more sites",
    acknowledged_at: null,
    answered_at: null,
    resolved_at: null,
    created_at: received,
    updated_at: received,
    ...overrides,
  };
}

export function issue(overrides: Partial<Issue> = {}): Issue {
  return {
    id: crypto.randomUUID(),
    account_id: "account-1",
    title: "Invoices sent to the wrong address",
    severity: "medium",
    opened_at: "2026-11-20T10:00:00Z",
    acknowledged_at: null,
    resolved_at: null,
    followed_up_at: null,
    notes: "",
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:00:00Z",
    ...overrides,
  };
}

export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: crypto.randomUUID(),
    account_id: "account-1",
    starts_at: "2026-11-25T13:00:00Z",
    ends_at: "2026-11-25T14:00:00Z",
    title: "Quarterly business review",
    location: "Hamburg office",
    attendee_ids: [],
    guests: [],
    agenda: "",
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  };
}

export function entry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    at: "2026-11-20T10:00:00Z",
    kind: "interaction",
    record_id: crypto.randomUUID(),
    text: "Quarterly review",
    contact_ids: [],
    channel: "call",
    initiated_by: "us",
    direction: null,
    sentiment: null,
    strategic: false,
    snippet: null,
    from_mail: false,
    serves: null,
    private: false,
    ...overrides,
  };
}

export function page(overrides: Partial<AccountPage> = {}): AccountPage {
  return {
    account: account(),
    contacts: [],
    culture_notes: [],
    goals: [],
    promises: [],
    requests: [],
    issues: [],
    meetings: [],
    interactions: [],
    timeline: [],
    last_touch_at: null,
    cadence_days: 14,
    touch: "never",
    request_clocks: { ack_hours: 1, answer_hours: 24, warning_hours: 4 },
    ...overrides,
  };
}

export function archivedRecord(overrides: Partial<ArchivedRecord> = {}): ArchivedRecord {
  return {
    kind: "promise",
    id: crypto.randomUUID(),
    account_id: "account-1",
    label: "Send the revised rollout plan",
    archived_at: "2026-11-22T10:00:00Z",
    ...overrides,
  };
}

/** A search hit whose snippet marks `hit` among the words around it. */
export function searchHit(before: string, hit: string, after: string, overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    kind: "interaction",
    record_id: crypto.randomUUID(),
    account_id: "account-1",
    account_name: "Kestrel Logistik GmbH",
    title: "Call",
    snippet: [
      { text: before, hit: false },
      { text: hit, hit: true },
      { text: after, hit: false },
    ],
    ...overrides,
  };
}

/** A reason for a check-in, due at NOW unless told. */
export function reason(code: ReasonCode, text: string, overrides: Partial<Reason> = {}): Reason {
  return { code, text, evidence: null, related: [], due_at: NOW.toISOString(), clock: "client", settles: null, ...overrides };
}

/** A check-in with Annika at Kestrel, due now, suggested for 09:00 Berlin time the next day. */
export function suggestion(overrides: Partial<Suggestion> = {}): Suggestion {
  const accountId = overrides.account_id ?? "account-1";
  const contactId = overrides.contact_id === undefined ? "contact-annika" : overrides.contact_id;
  return {
    key: `${accountId}:${contactId ?? ""}`,
    fingerprint: crypto.randomUUID(),
    account: "Kestrel Logistik GmbH",
    account_id: accountId,
    contact: "Annika Vogt",
    contact_id: contactId,
    reasons: [reason("promise_overdue", 'We promised "Send the revised rollout plan" and it is 2 days late. Tell Annika Vogt now.')],
    priority: 80,
    priority_reason: "Ranked by a late promise (2 days past due), raised for a strategic account.",
    urgency: "now",
    due_at: "2026-11-21T22:59:00Z",
    suggested_at: "2026-11-24T08:00:00Z",
    timezone: "Europe/Berlin",
    talking_points: ["Last time (20 Nov): Walked Annika through the pilot"],
    ...overrides,
  };
}

/** The check-in thresholds at their defaults (DESIGN §4). */
export function checkinSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    request_ack_hours: 1,
    request_answer_hours: 24,
    request_warning_hours: 4,
    promise_due_soon_days: 3,
    meeting_prep_hours: 48,
    meeting_follow_up_days: 2,
    issue_quiet_days: 3,
    issue_follow_up_after_days: 3,
    issue_follow_up_until_days: 14,
    goal_target_days: 30,
    goal_stale_days: 45,
    renewal_days: 90,
    renewal_strategic_touch_days: 30,
    personal_date_days: 7,
    stakeholder_cadences: 2,
    single_threaded_days: 90,
    single_threaded_min_contacts: 3,
    now_window_hours: 2,
    daily_budget: 8,
    goal_recheck_days: 30,
    reminders: true,
    ...overrides,
  };
}

/** A line of the brief, spans given as [look, text]: `line(["strong", "When: "], ["text", "Wed"])`. */
export function briefLine(...spans: [OutlineSpan["look"], string][]): OutlineLine {
  return spans.map(([look, text]) => ({ look, text }) as OutlineSpan);
}

/** A brief as the core outlines it: Kestrel's, with the sections a test gives (none by default). */
export function briefOutline(overrides: Partial<BriefOutline_Serialize> = {}): BriefOutline_Serialize {
  return {
    account: "Kestrel Logistik GmbH",
    title: "Brief: Kestrel Logistik GmbH",
    subtitle: "Prepared Mon 23 Nov 2026, 11:00 their time (Europe/Berlin) · Mon 10:00 yours (UTC) · strategic account · their time zone Europe/Berlin",
    sections: [],
    ...overrides,
  };
}

/** The health weights at their defaults (DESIGN §5). */
export function healthWeights(overrides: Partial<Weights_Serialize> = {}): Weights_Serialize {
  return { reliability: 25, responsiveness: 20, engagement: 15, proactivity: 10, breadth: 10, intimacy: 10, goals: 10, ...overrides };
}

/** One health component with its evidence; `score` null means too little is known. */
export function healthComponent(name: keyof Weights_Serialize, score: number | null, evidence = `Evidence for ${name}.`): Component_Serialize {
  return { name, score, weight: healthWeights()[name], evidence };
}

/** The calendar day `n` days before NOW, as "YYYY-MM-DD". */
export function daysBefore(n: number): string {
  return new Date(NOW.getTime() - n * 86_400_000).toISOString().slice(0, 10);
}

/** A trend line: one point a day, the last one NOW's day. */
export function trendPoints(scores: (number | null)[]): TrendPoint_Serialize[] {
  return scores.map((score, i) => ({ day: daysBefore(scores.length - 1 - i), score, reconstructed: false }));
}

/** What changed at Kestrel since a review a week before NOW: nothing, unless told. */
export function healthChanges(overrides: Partial<Changes_Serialize> = {}): Changes_Serialize {
  return {
    since: "2026-11-16T09:00:00Z",
    since_review: true,
    score_before: 58,
    band_before: "watch",
    level_before: 2,
    components: [],
    new_penalties: [],
    gone_penalties: [],
    ...overrides,
  };
}

/** Kestrel in the review: watch at 58, responsiveness its weakest part, a reliable partner. */
export function accountReview(overrides: Partial<AccountReview_Serialize> = {}): AccountReview_Serialize {
  return {
    account: "Kestrel Logistik GmbH",
    account_id: "account-1",
    score: 58,
    band: "watch",
    components: [
      healthComponent("reliability", 80, "8 of 10 promises kept on time in the last 180 days."),
      healthComponent("responsiveness", 40, "2 of 5 requests answered within 24 hours."),
      healthComponent("engagement", 70),
      healthComponent("proactivity", 50),
      healthComponent("breadth", 60),
      healthComponent("intimacy", null, "No key person has personal goals or preferences recorded yet."),
      healthComponent("goals", 75),
    ],
    penalties: [],
    weakest: "responsiveness",
    breaches: [],
    paused: false,
    advisor_level: {
      level: 2,
      name: "reliable partner",
      evidence: ["Reliability 80: promises are kept on time."],
      next_steps: ["Reach out first: you have initiated 2 of the last 8 touches.", "Learn and record their company's goals for the year."],
    },
    trend: { points: trendPoints([62, 60, null, 58]), change_30: -4, change_90: 2 },
    changes: null,
    ...overrides,
  };
}

/** One day of an account's health, with the seven components at `score` unless told. */
export function snapshot(day: string, score: number | null, overrides: Partial<Snapshot_Serialize> = {}): Snapshot_Serialize {
  return {
    day,
    score,
    band: score === null ? "unknown" : score >= 75 ? "healthy" : score >= 50 ? "watch" : "at_risk",
    level: 2,
    components: (["reliability", "responsiveness", "engagement", "proactivity", "breadth", "intimacy", "goals"] as const).map((name) => ({
      name,
      score,
    })),
    reconstructed: false,
    ...overrides,
  };
}

/** Kestrel's health tab: the review line and three days of history, today last. */
export function accountHealth(overrides: Partial<AccountHealth_Serialize> = {}): AccountHealth_Serialize {
  return {
    review: accountReview(),
    history: [snapshot(daysBefore(2), 62), snapshot(daysBefore(1), 60), snapshot(daysBefore(0), 58)],
    ...overrides,
  };
}

export const BACKUP_FOLDER = "/home/anna/.local/share/rapport/backups";

/** One backup in the folder; the file is named after when and why it was taken. */
export function backupFile(overrides: Partial<BackupFile> = {}): BackupFile {
  const file: BackupFile = { path: "", taken_at: "2026-11-23T03:00:00Z", reason: "scheduled", bytes: 655_360, ...overrides };
  return { ...file, path: file.path || `${BACKUP_FOLDER}/rapport-${file.taken_at.slice(0, 10)}-${file.reason}.db` };
}

/** The backups folder as the core lists it, newest first, with its default policy. */
export function backupList(files: BackupFile[] = [backupFile()], policy = { daily: 7, weekly: 4, monthly: 12 }): Backups {
  return { folder: BACKUP_FOLDER, files, policy };
}

/** A spreadsheet of people, as Rapport reads it: three columns, the first rows as samples. */
export function csvLayout(overrides: Partial<CsvLayout> = {}): CsvLayout {
  return {
    encoding: "Windows-1252",
    delimiter: ";",
    header: ["Name", "Firma", "E-Mail"],
    suggested: ["name", "company", "email"],
    sample: [
      ["Annika Vogt", "Kestrel Logistik GmbH", "annika@kestrel.de"],
      ["Jonas Keller", "Kestrel Logistik GmbH", "jonas@kestrel.de"],
      ["Mira Schulz", "", "mira@kestrel.de"],
      ["Lena Brandt", "Kestrel Logistik GmbH", "lena@kestrel.de"],
    ],
    rows: 42,
    has_header: true,
    ...overrides,
  };
}

/** A file the user chose to import: people.csv, unless told. */
export function importSource(overrides: Partial<ImportSource_Serialize> = {}): ImportSource_Serialize {
  return {
    path: "/home/anna/Downloads/people.csv",
    name: "people.csv",
    format: "csv",
    label: "CSV",
    encoding: "Windows-1252",
    csv: csvLayout(),
    ...overrides,
  };
}

/** One record an import would add. */
export function plannedRecord(overrides: Partial<PlannedRecord> = {}): PlannedRecord {
  return { line: 2, kind: "contact", outcome: "create", label: "Annika Vogt", account: "Kestrel Logistik GmbH", changes: [], ...overrides };
}

/** What a preview of an import found: nothing, unless told. Every problem given is counted, as the core counts them. */
export function exchangeReport(overrides: Partial<ExchangeReport_Serialize> = {}): ExchangeReport_Serialize {
  return {
    format: "csv",
    encoding: "Windows-1252",
    records: [],
    problems: [],
    problem_count: overrides.problems?.length ?? 0,
    skipped: [],
    left_out: [],
    left_out_count: overrides.left_out?.length ?? 0,
    read: overrides.records?.length ?? 0,
    created: 0,
    merged: 0,
    restored: 0,
    unchanged: 0,
    touches: 0,
    dry_run: true,
    backup: null,
    ...overrides,
  };
}

/** A trust ledger with one person, Ana, weakest on reliability. */
export function trustLedger(overrides: Partial<TrustLedger_Serialize> = {}): TrustLedger_Serialize {
  const part = (score: number | null, evidence: string, next_step = "Keep on.") => ({ score, evidence, next_step });
  const parts = {
    credibility: part(80, "2 of 2 issues resolved and followed up."),
    reliability: part(50, "1 of 2 promises kept on time; the rollout plan was 2 days late.", "Tell Ana today when the plan will come."),
    intimacy: part(60, "Her birthday is known."),
    self_orientation: part(null, "None of our touches say whose goal they served."),
    trust: part(63, "(80 + 50 + 60) / 3 = 63."),
  };
  return {
    account: "Kestrel Logistik GmbH",
    account_id: "account-1",
    account_level: parts,
    people: [{ name: "Ana Ruiz", contact_id: "ana", ...parts }],
    weak_spot: { part: "reliability", score: 50, evidence: parts.reliability.evidence, next_step: parts.reliability.next_step },
    reciprocity: {
      account: { name: "Kestrel Logistik GmbH", contact_id: null, promises_due: 2, kept: 2, kept_on_time: 1, days_to_keep: 3, introduced: [], meetings_organized: 1, summary: "They kept 1 of 2 promises on time." },
      people: [],
    },
    trend: [],
    ...overrides,
  };
}
