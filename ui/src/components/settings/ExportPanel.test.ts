import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import { summary } from "../../test/fixtures";
import ExportPanel from "./ExportPanel.svelte";

afterEach(() => clearMocks());

const kestrel = summary({ id: "account-kestrel", name: "Kestrel Logistik GmbH" });
const halden = summary({ id: "account-halden", name: "Halden Foods" });

/** Answers export_file with `answer`; every call's arguments are kept. */
function serving(answer: (args: Record<string, unknown>) => unknown) {
  const sent: Record<string, unknown>[] = [];
  mockIPC((command, args) => {
    expect(command).toBe("export_file");
    const given = (args ?? {}) as Record<string, unknown>;
    sent.push(given);
    return answer(given);
  });
  return sent;
}

test("the chosen kind of file and account are exported, and the panel says where the file went", async () => {
  const sent = serving(() => "/home/anna/Documents/halden-people.vcf");
  const screen = await render(ExportPanel, { accounts: [kestrel, halden] });
  const what = screen.getByLabelText("What to export");
  expect([...(what.element() as HTMLSelectElement).options].map((o) => o.text)).toEqual([
    "People as CSV",
    "People as vCard 4.0",
    "People as vCard 3.0 (older address books)",
    "Calendar (.ics)",
  ]);
  await what.selectOptions("People as vCard 3.0 (older address books)");
  await screen.getByLabelText("From").selectOptions("Halden Foods");
  await screen.getByRole("button", { name: "Export…" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Saved to /home/anna/Documents/halden-people.vcf.");
  expect(sent).toEqual([{ format: "vcard3", accountId: "account-halden", path: null }]);
});

test("every account at once is the first choice, and a calendar can be exported", async () => {
  const sent = serving(() => "/home/anna/rapport.ics");
  const screen = await render(ExportPanel, { accounts: [kestrel] });
  await expect.element(screen.getByLabelText("From")).toHaveDisplayValue("All accounts");
  await screen.getByLabelText("What to export").selectOptions("Calendar (.ics)");
  await screen.getByRole("button", { name: "Export…" }).click();
  await expect.element(screen.getByRole("status")).toHaveTextContent("Saved to /home/anna/rapport.ics.");
  expect(sent).toEqual([{ format: "ics", accountId: null, path: null }]);
});

test("closing the save dialog says nothing", async () => {
  const sent = serving(() => null);
  const screen = await render(ExportPanel, { accounts: [] });
  await screen.getByRole("button", { name: "Export…" }).click();
  await expect.poll(() => sent).toEqual([{ format: "csv", accountId: null, path: null }]);
  await expect.element(screen.getByRole("button", { name: "Export…" })).toBeEnabled();
  await expect.element(screen.getByRole("status")).toHaveTextContent("");
  expect(screen.getByRole("alert").elements()).toHaveLength(0);
});

test("a file that cannot be written is said as its sentence", async () => {
  const refusal = "Rapport could not write /mnt/usb/people.csv: the disk is full. Choose another place.";
  serving(() => {
    throw { code: "disk_full", field: null, message: refusal };
  });
  const screen = await render(ExportPanel, { accounts: [] });
  await screen.getByRole("button", { name: "Export…" }).click();
  await expect.element(screen.getByRole("alert")).toHaveTextContent(refusal);
  await expect.element(screen.getByRole("status")).toHaveTextContent("");
});
