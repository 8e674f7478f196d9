import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import DropNotice from "./DropNotice.svelte";

afterEach(() => clearMocks());

test("what the dropped mail brought is said in the core's sentences, with the way to what Rapport noticed", async () => {
  mockIPC((command) => (command === "noticed_waiting" ? 1 : null));
  const screen = await render(DropNotice);
  window.dispatchEvent(
    new CustomEvent("rapport:dropped", {
      detail: ["Read 1 message from /home/anna/Desktop/Rate card.eml.\n1 message with your clients' people added 1 touch to their accounts' history."],
    }),
  );
  const notice = screen.getByRole("status");
  await expect.element(notice).toHaveTextContent("Read 1 message from /home/anna/Desktop/Rate card.eml.");
  await expect.element(notice).toHaveTextContent("added 1 touch");
  await expect.element(screen.getByRole("link", { name: "See what Rapport noticed" })).toHaveAttribute("href", "#/noticed");
  await screen.getByRole("button", { name: "Dismiss" }).click();
  await expect.element(notice).toBeEmptyDOMElement();
});
