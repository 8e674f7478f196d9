import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import type { MailReport } from "../../bindings";
import MailPanel from "./MailPanel.svelte";

afterEach(() => clearMocks());

function report(overrides: Partial<MailReport> = {}): MailReport {
  return {
    path: "/home/anna/Mail/Inbox.mbox",
    kind: "mbox",
    dry_run: true,
    unchanged: false,
    resumed: false,
    people_changed: false,
    no_people: false,
    read: 224,
    kept: 20,
    added: 20,
    already: 0,
    skipped: { no_client: 199, automatic: 3, no_date: 2, future: 0, unreadable: 0, folders: 0 },
    problems: [],
    accounts: [{ account_id: "kestrel", account: "Kestrel", added: 20 }],
    noticed: 4,
    backup: null,
    said: "Read 224 messages from /home/anna/Mail/Inbox.mbox.\n20 messages with your clients' people would add 20 touches to their accounts' history.\nNothing was written (dry run).",
    ...overrides,
  };
}

test("a mail file is previewed in the core's sentences, imported, and then kept current until the user stops it", async () => {
  let kept: string[] = [];
  const calls: [string, unknown][] = [];
  mockIPC((command, args) => {
    calls.push([command, args]);
    if (command === "mail_kept_current") return kept;
    if (command === "pick_mail") return "/home/anna/Mail/Inbox.mbox";
    if (command === "import_mail") {
      const dry = (args as { dryRun: boolean }).dryRun;
      return dry ? report() : report({ dry_run: false, said: "Read 224 messages from /home/anna/Mail/Inbox.mbox.\n20 messages with your clients' people added 20 touches to their accounts' history." });
    }
    if (command === "noticed_waiting") return 4;
    if (command === "keep_mail_current") {
      const { path, keep } = args as { path: string; keep: boolean };
      kept = keep ? [path] : [];
      return kept;
    }
    throw new Error(`unexpected ${command}`);
  });
  const screen = await render(MailPanel);
  await screen.getByRole("button", { name: "Read a mail file…" }).click();
  await expect.element(screen.getByText("would add 20 touches", { exact: false })).toBeVisible();
  expect(calls.find(([c]) => c === "pick_mail")?.[1]).toEqual({ folder: false });
  await screen.getByRole("button", { name: "Import" }).click();
  await expect.element(screen.getByText("added 20 touches", { exact: false })).toBeVisible();
  await screen.getByRole("button", { name: "Keep reading it while Rapport runs" }).click();
  const list = screen.getByRole("list", { name: "Mail kept current" });
  await expect.element(list).toHaveTextContent("/home/anna/Mail/Inbox.mbox");
  await list.getByRole("button", { name: "Stop reading it" }).click();
  await expect.element(list).not.toBeInTheDocument();
});
