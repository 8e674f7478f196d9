// Small builders for UI tests: a record with sensible defaults, overridden where it matters.
import type { AccountSummary, Contact, Interaction } from "../bindings";

export const NOW = new Date("2026-11-23T10:00:00Z");

export function summary(overrides: Partial<AccountSummary> = {}): AccountSummary {
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
    preferred_channel: "call",
    timezone: null,
    cadence_days: null,
    dates: [],
    notes: "",
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
    created_at: "2026-11-20T10:00:00Z",
    ...overrides,
  };
}
