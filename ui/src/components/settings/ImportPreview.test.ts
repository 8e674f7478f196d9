import { expect, test } from "vitest";
import { render } from "vitest-browser-svelte";
import { exchangeReport, plannedRecord } from "../../test/fixtures";
import ImportPreview from "./ImportPreview.svelte";

test("values left out of records that are imported are listed by line, with why, and counted beyond the list", async () => {
  const report = exchangeReport({
    read: 2,
    created: 2,
    records: [plannedRecord(), plannedRecord({ line: 3, label: "Jonas Keller" })],
    left_out: [{ line: 3, message: "\"jonas(at)kestrel\" is not an email address: Jonas Keller is imported without it." }],
    left_out_count: 4,
  });
  const screen = await render(ImportPreview, { report });
  await expect.element(screen.getByText("The file holds 2 records: 2 to add.")).toBeVisible();
  const left = screen.getByRole("region", { name: "Values left out of records that are imported" });
  await expect.element(left).toHaveTextContent('Line 3: "jonas(at)kestrel" is not an email address');
  await expect.element(left).toHaveTextContent("The first 1 of 4 values are listed above.");
});
