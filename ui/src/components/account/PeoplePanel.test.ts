import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { render } from "vitest-browser-svelte";
import { NOW, account, contact, cultureNote, goal, interaction, page, promise } from "../../test/fixtures";
import { present } from "../../lib/presenting.svelte";
// The page's own rules, presenting mode's among them.
import "../../styles/app.css";
import PeoplePanel from "./PeoplePanel.svelte";

afterEach(() => {
  clearMocks();
  present(false);
});

const annika = contact({ name: "Annika Vogt", dates: [{ kind: "birthday", date: "--05-14", label: null }] });
const jonas = contact({ name: "Jonas Keller", title: "Head of Operations", level: "manager", reports_to: annika.id });
const mira = contact({ name: "Mira Schulz", title: "Dispatcher", level: "staff", reports_to: jonas.id });

function renderPanel(onchange = vi.fn()) {
  return render(PeoplePanel, { accountId: "account-1", accountTimezone: "Europe/Berlin", contacts: [mira, annika, jonas], now: NOW, onchange });
}

test("every level of the reporting structure is shown, with each person's details", async () => {
  const screen = await renderPanel();
  const tree = screen.getByRole("tree");
  await expect.element(tree.getByRole("treeitem", { name: "Mira Schulz" })).toBeVisible();
  const chain = screen.container.querySelector('[role="treeitem"][aria-label="Annika Vogt"] [role="treeitem"][aria-label="Jonas Keller"] [role="treeitem"][aria-label="Mira Schulz"]');
  expect(chain).not.toBeNull();
  const everyone = screen.getByRole("region", { name: "Everyone" });
  await expect.element(everyone.getByText("Reports to Jonas Keller")).toBeVisible();
  await expect.element(everyone.getByText(/Birthday: (14 May|May 14)/)).toBeVisible();
});

test("a new person is sent with manager, channels, own zone, rhythm and a birthday without a year", async () => {
  let sent: Record<string, unknown> | undefined;
  mockIPC((command, args) => {
    if (command === "stakeholders") return { account: "Kestrel", account_id: "account-1", people: [], gaps: [] };
    expect(command).toBe("add_contact");
    sent = (args as { draft: Record<string, unknown> }).draft;
    return contact();
  });
  const onchange = vi.fn();
  const screen = await renderPanel(onchange);
  await screen.getByRole("button", { name: "Add a person" }).click();
  await screen.getByLabelText("Name").fill("Lena Brandt");
  await screen.getByLabelText("Job title").fill("Site lead, Bremen");
  await screen.getByLabelText("Level").selectOptions("Manager");
  await screen.getByLabelText("Reports to").selectOptions(jonas.id);
  await screen.getByLabelText("Email", { exact: true }).fill("lena@kestrel.de");
  await screen.getByLabelText("Phone", { exact: true }).fill("+49 421 555 0100");
  await screen.getByLabelText("Prefers").selectOptions("Chat");
  await screen.getByLabelText("Own time zone").fill("Europe/Lisbon");
  await screen.getByLabelText("Own check-in rhythm (days)").fill("21");
  await screen.getByRole("button", { name: "Add a birthday or anniversary" }).click();
  await screen.getByLabelText("Date 1", { exact: true }).fill("--03-09");
  await screen.getByLabelText("Champion").click();
  await screen.getByLabelText("Influence", { exact: true }).selectOptions("High influence");
  await screen.getByRole("button", { name: "Add person" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);
  expect(sent).toEqual({
    account_id: "account-1",
    name: "Lena Brandt",
    title: "Site lead, Bremen",
    level: "manager",
    reports_to: jonas.id,
    email: "lena@kestrel.de",
    phone: "+49 421 555 0100",
    other_emails: [],
    other_phones: [],
    preferred_channel: "chat",
    timezone: "Europe/Lisbon",
    cadence_days: 21,
    dates: [{ kind: "birthday", date: "--03-09", label: null }],
    notes: "",
    roles: ["champion"],
    influence: "high",
    stance: null,
    introduced_by: null,
  });
});

test("editing someone cannot make them their own manager, and a bad date is explained beside the dates", async () => {
  const sent: unknown[] = [];
  mockIPC((command, args) => {
    expect(command).toBe("update_contact");
    sent.push(args);
    throw { code: "validation", field: "dates", message: "\"14/05\" is not a date. Write it as YYYY-MM-DD, or --MM-DD when you do not know the year." };
  });
  const screen = await renderPanel();
  const everyone = screen.getByRole("region", { name: "Everyone" });
  await everyone.getByRole("button", { name: "Edit" }).nth(1).click();
  await expect.element(screen.getByRole("form", { name: "Edit Jonas Keller" })).toBeVisible();
  const managers = [...(screen.getByLabelText("Reports to").element() as HTMLSelectElement).options].map((o) => o.text);
  expect(managers.some((name) => name.startsWith("Jonas Keller"))).toBe(false);
  await expect.element(screen.getByLabelText("Reports to")).toHaveValue(annika.id);

  await screen.getByRole("button", { name: "Add a birthday or anniversary" }).click();
  await screen.getByLabelText("Date 1", { exact: true }).fill("14/05");
  await screen.getByRole("button", { name: "Save changes" }).click();
  const dates = screen.getByRole("group", { name: "Dates that matter to them" });
  await expect.element(dates.getByRole("alert")).toHaveTextContent("or --MM-DD when you do not know the year");
  await expect.element(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "false");
  expect(sent[0]).toMatchObject({ contactId: jonas.id });
});

test("other emails and phones are split at commas and new lines, trimmed, and sent", async () => {
  let sent: Record<string, unknown> | undefined;
  mockIPC((command, args) => {
    expect(command).toBe("add_contact");
    sent = (args as { draft: Record<string, unknown> }).draft;
    return contact();
  });
  const onchange = vi.fn();
  const screen = await renderPanel(onchange);
  await screen.getByRole("button", { name: "Add a person" }).click();
  await screen.getByLabelText("Name").fill("Lena Brandt");
  await screen.getByLabelText("Other emails").fill(" lena.brandt@gmail.com ,\n\nl.brandt@kestrel-bremen.de, ");
  await screen.getByLabelText("Other phones").fill("+49 170 555 0101\n +49 421 555 0199 ");
  await screen.getByRole("button", { name: "Add person" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);
  expect(sent).toMatchObject({
    other_emails: ["lena.brandt@gmail.com", "l.brandt@kestrel-bremen.de"],
    other_phones: ["+49 170 555 0101", "+49 421 555 0199"],
  });
});

test("a person's other emails and phones are shown after the main ones", async () => {
  const lena = contact({ name: "Lena Brandt", email: "lena@kestrel.de", other_emails: ["lena.brandt@gmail.com"], phone: "+49 421 555 0100", other_phones: ["+49 170 555 0101"] });
  const screen = await render(PeoplePanel, { accountId: "account-1", accountTimezone: "Europe/Berlin", contacts: [lena], now: NOW, onchange: vi.fn() });
  const details = [...screen.container.querySelectorAll(".details span")].map((span) => span.textContent);
  expect(details.slice(0, 4)).toEqual(["lena@kestrel.de", "lena.brandt@gmail.com", "+49 421 555 0100", "+49 170 555 0101"]);
});

test("editing someone keeps their other emails and phones, and a refused one is explained beside its box", async () => {
  const drafts: Record<string, unknown>[] = [];
  mockIPC((command, args) => {
    expect(command).toBe("update_contact");
    const draft = (args as { draft: Record<string, unknown> }).draft;
    drafts.push(draft);
    if (drafts.length === 1) return contact();
    throw { code: "validation", field: "other_emails", message: '"lena(at)gmail" is not an email address. Write it as name@example.com.' };
  });
  const lena = contact({ name: "Lena Brandt", other_emails: ["lena.brandt@gmail.com", "lb@kestrel.de"], other_phones: ["+49 170 555 0101"] });
  const onchange = vi.fn();
  const screen = await render(PeoplePanel, { accountId: "account-1", accountTimezone: "Europe/Berlin", contacts: [lena], now: NOW, onchange });
  const everyone = screen.getByRole("region", { name: "Everyone" });

  await everyone.getByRole("button", { name: "Edit" }).click();
  await expect.element(screen.getByLabelText("Other emails")).toHaveValue("lena.brandt@gmail.com\nlb@kestrel.de");
  await screen.getByLabelText("Job title").fill("Site lead");
  await screen.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);
  expect(drafts[0]).toMatchObject({ other_emails: ["lena.brandt@gmail.com", "lb@kestrel.de"], other_phones: ["+49 170 555 0101"] });

  await everyone.getByRole("button", { name: "Edit" }).click();
  const others = screen.getByLabelText("Other emails");
  await others.fill("lena(at)gmail");
  await screen.getByRole("button", { name: "Save changes" }).click();
  await expect.element(others).toHaveAccessibleDescription('"lena(at)gmail" is not an email address. Write it as name@example.com.');
  await expect.element(screen.getByLabelText("Other phones")).toHaveAttribute("aria-invalid", "false");
  expect(drafts[1]).toMatchObject({ other_emails: ["lena(at)gmail"], other_phones: ["+49 170 555 0101"] });
});

test("a person's page shows where they sit, their goals, our promises, how to work with them and the talks with them", async () => {
  const kestrel = page({
    account: account({ id: "account-1", name: "Kestrel Logistik GmbH" }),
    contacts: [mira, annika, jonas],
    goals: [goal({ title: "Become COO of the group", kind: "personal", contact_id: jonas.id, stated: false }), goal({ title: "Someone else's", contact_id: annika.id })],
    promises: [
      promise({ text: "Send the <b>rollout</b> plan", contact_id: jonas.id, due_at: "2026-11-27T22:59:00Z" }),
      promise({ text: "Share the site list", direction: "theirs", contact_id: jonas.id, status: "broken", due_at: "2026-11-10T22:59:00Z" }),
    ],
    culture_notes: [cultureNote({ text: "Prefers a short agenda the day before", contact_id: jonas.id })],
    interactions: [interaction({ summary: "Walked the Bremen site", contact_ids: [jonas.id, mira.id], occurred_at: "2026-11-20T10:00:00Z" })],
  });
  const screen = await render(PeoplePanel, {
    accountId: "account-1", accountTimezone: "Europe/Berlin", contacts: kestrel.contacts, now: NOW, onchange: vi.fn(), page: kestrel, person: jonas.id,
  });
  const profile = screen.getByRole("article", { name: "Jonas Keller" });
  await expect.element(profile.getByRole("link", { name: "Annika Vogt" })).toHaveAttribute("href", `#/accounts/account-1?tab=people&person=${annika.id}`);
  await expect.element(profile.getByRole("link", { name: "Mira Schulz" })).toBeVisible();
  await expect.element(profile.getByRole("region", { name: "Their goals" })).toHaveTextContent("Become COO of the group");
  await expect.element(profile.getByRole("region", { name: "Their goals" })).toHaveTextContent("(our inference)");
  await expect.element(profile.getByRole("region", { name: "Their goals" })).not.toHaveTextContent("Someone else's");
  const promises = profile.getByRole("region", { name: "Promises between us" });
  await expect.element(promises).toHaveTextContent("Send the <b>rollout</b> plan");
  await expect.element(promises).toHaveTextContent(/We promised\s*Send the <b>rollout<\/b> plan\s*due in 4 days/);
  await expect.element(promises).toHaveTextContent(/They promised\s*Share the site list\s*broken/);
  await expect.element(profile.getByRole("region", { name: "Working with them" })).toHaveTextContent("short agenda");
  await expect.element(profile.getByRole("region", { name: "Recent conversations" })).toHaveTextContent("with Mira Schulz");
  await expect.element(profile.getByText("Last spoke 3 days ago")).toBeVisible();
  await expect.element(screen.getByRole("link", { name: "← Everyone at Kestrel Logistik GmbH" })).toBeVisible();
});

test("a person no longer listed says so, and everyone still listed is shown", async () => {
  const screen = await render(PeoplePanel, {
    accountId: "account-1", accountTimezone: "Europe/Berlin", contacts: [annika], now: NOW, onchange: vi.fn(), page: page({ contacts: [annika] }), person: "gone",
  });
  await expect.element(screen.getByRole("status")).toHaveTextContent("no longer listed");
  await expect.element(screen.getByRole("region", { name: "Everyone" }).getByRole("link", { name: "Annika Vogt" })).toBeVisible();
});

test("a goal added from a person's page is theirs, without choosing them again", async () => {
  let sent: Record<string, unknown> | undefined;
  mockIPC((command, args) => {
    expect(command).toBe("add_goal");
    sent = (args as { draft: Record<string, unknown> }).draft;
    return goal();
  });
  const onchange = vi.fn();
  const kestrel = page({ account: account({ id: "account-1" }), contacts: [annika, jonas] });
  const screen = await render(PeoplePanel, {
    accountId: "account-1", accountTimezone: "Europe/Berlin", contacts: kestrel.contacts, now: NOW, onchange, page: kestrel, person: jonas.id,
  });
  await screen.getByRole("button", { name: "Add a goal of theirs" }).click();
  await expect.element(screen.getByLabelText("Whose goal")).toHaveValue(jonas.id);
  await screen.getByLabelText("The goal").fill("Run the Bremen site by spring");
  await screen.getByRole("button", { name: "Add goal" }).click();
  await expect.poll(() => onchange.mock.calls.length).toBe(1);
  expect(sent).toMatchObject({ kind: "personal", contact_id: jonas.id, title: "Run the Bremen site by spring" });
});

test("the map shows each person's roles, influence, stance and warmth, and the gaps; presenting hides them", async () => {
  mockIPC((command) => {
    if (command !== "stakeholders") throw new Error(`unexpected ${command}`);
    return {
      account: "Kestrel",
      account_id: "account-1",
      people: [
        {
          name: "Jonas Keller",
          contact_id: jonas.id,
          title: "Head of Operations",
          level: "manager",
          reports_to: annika.id,
          roles: ["champion"],
          influence: "high",
          stance: "supportive",
          stance_set: false,
          stance_evidence: "In the last six months: they started 3 of 5 conversations.",
          last_touch_at: null,
          last_channel: null,
          warmth: "cold",
        },
      ],
      gaps: [{ code: "no_economic_buyer", text: "Nobody at Kestrel is known as the economic buyer.", contact_id: null }],
    };
  });
  const screen = await renderPanel();
  const jonasNode = screen.getByRole("treeitem", { name: "Jonas Keller" });
  await expect.element(jonasNode).toHaveTextContent(/Champion.*High influence.*Supportive.*Gone cold/);
  const gaps = screen.getByRole("region", { name: "Gaps in the map" });
  await expect.element(gaps).toHaveTextContent("Nobody at Kestrel is known as the economic buyer.");

  const shown = (element: Element) => getComputedStyle(element).display !== "none";
  const gapsElement = gaps.element();
  const roleBadge = jonasNode.getByText("Champion").element();
  present(true);
  await expect.poll(() => shown(gapsElement)).toBe(false);
  expect(shown(roleBadge.parentElement!)).toBe(false);
  await expect.element(jonasNode.getByText("Head of Operations")).toBeVisible();
  present(false);
  await expect.element(gaps).toBeVisible();
});

test("printing the map puts only the gaps and the reporting structure on paper, then the page is as it was", async () => {
  mockIPC((command) => {
    if (command !== "stakeholders") throw new Error(`unexpected ${command}`);
    return {
      account: "Kestrel",
      account_id: "account-1",
      people: [],
      gaps: [{ code: "no_champion", text: "Nobody at Kestrel is known to champion your work.", contact_id: null }],
    };
  });
  const screen = await renderPanel();
  await expect.element(screen.getByRole("region", { name: "Gaps in the map" })).toBeVisible();
  let printedWith: string[] = [];
  const print = vi.spyOn(window, "print").mockImplementation(() => {
    printedWith = [...document.documentElement.classList];
    window.dispatchEvent(new Event("afterprint"));
  });
  await screen.getByRole("button", { name: "Print the map" }).click();
  expect(print).toHaveBeenCalledTimes(1);
  expect(printedWith).toContain("printing-map");
  expect(document.documentElement.classList.contains("printing-map")).toBe(false);
  print.mockRestore();
});
