// The window at the sizes account managers use — a 900×600 laptop split, the default 1240×820, a
// 1920×1080 monitor — in light and dark (issue 24). At each size what a user needs is within
// reach without scrolling sideways, and a screenshot of each view is kept in tests/e2e/artifacts/.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { artifacts, demoDatabase, startDesktop } from "./harness.js";

const sizes = [
  [900, 600],
  [1240, 820],
  [1920, 1080],
];
const started = [];

after(async () => {
  for (const desktop of started) await desktop.stop();
});

/** How the page lies at this moment, measured in the window itself. */
const measure = (app) =>
  app.execute(() => {
    const rect = (css) => document.querySelector(css)?.getBoundingClientRect().toJSON() ?? null;
    const tabs = [...document.querySelectorAll("[role='tab']")].map((t) => Math.round(t.getBoundingClientRect().top));
    const background = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
    return {
      width: innerWidth,
      height: innerHeight,
      // Sideways scrolling of the window or of the main area beside the sidebar.
      overflow: Math.max(
        document.documentElement.scrollWidth - innerWidth,
        ...[...document.querySelectorAll("main, main .fit, main .card")].map((e) => e.scrollWidth - e.clientWidth),
      ),
      done: rect("button[aria-label^='Done: ']"),
      // Check-ins whose row (not its open detail) is whole in the first view.
      rowsInView: [...document.querySelectorAll("article[aria-label^='Check-in: '] .head")].filter((r) => r.getBoundingClientRect().bottom <= innerHeight).length,
      header: rect("main header"),
      tabRows: new Set(tabs).size,
      // Relative luminance of the page, 0 (black) to 1 (white).
      luminance: (0.2126 * background[0] + 0.7152 * background[1] + 0.0722 * background[2]) / 255,
    };
  });

for (const theme of ["light", "dark"]) {
  test(`at 900×600, 1240×820 and 1920×1080 in ${theme}, Today, an account and Health fit the window`, async () => {
    // WebKitGTK takes the page's colour scheme from the GTK theme, as the desktop sets it.
    const desktop = await startDesktop(demoDatabase(), {
      screen: "1920x1080",
      extraEnv: theme === "dark" ? { GTK_THEME: "Adwaita:dark" } : { GTK_THEME: "Adwaita" },
    });
    started.push(desktop);
    const shots = join(artifacts, "sizes");
    mkdirSync(shots, { recursive: true });
    // What each size shows, kept beside the screenshots for the figures.
    const figures = {};
    await desktop.withApp(`sizes-${theme}`, async (app) => {
      for (const [width, height] of sizes) {
        await app.setWindowSize(width, height);
        const name = `${width}x${height}-${theme}`;

        await app.execute(() => (window.location.hash = "#/"));
        const done = await app.$("button[aria-label^='Done: ']");
        await done.waitForDisplayed({ timeout: 20_000 });
        let m = await measure(app);
        assert.equal(m.width, width, "the window took the size asked for");
        assert.ok(m.overflow <= 0, `${name}: Today scrolls sideways by ${m.overflow} px`);
        assert.ok(m.done.bottom <= height, `${name}: the selected check-in's Done is below the fold (${m.done.bottom} px)`);
        if (theme === "dark") assert.ok(m.luminance < 0.3, `${name}: the page is dark (${m.luminance})`);
        else assert.ok(m.luminance > 0.7, `${name}: the page is light (${m.luminance})`);
        figures[name] = { todayRowsInView: m.rowsInView, doneButtonBottom: Math.round(m.done.bottom) };
        await app.saveScreenshot(join(shots, `${name}-today.png`));

        await app.execute(() => (window.location.hash = "#/accounts"));
        const account = await (await app.$("tbody")).$("a=Kestrel Logistik GmbH");
        await account.waitForDisplayed({ timeout: 20_000 });
        m = await measure(app);
        assert.ok(m.overflow <= 0, `${name}: the accounts list scrolls sideways by ${m.overflow} px`);
        await app.saveScreenshot(join(shots, `${name}-accounts.png`));
        await account.click();
        await (await app.$("h1=Kestrel Logistik GmbH")).waitForDisplayed({ timeout: 20_000 });
        m = await measure(app);
        assert.ok(m.overflow <= 0, `${name}: the account scrolls sideways by ${m.overflow} px`);
        assert.equal(m.tabRows, 1, `${name}: the tabs are on one row`);
        assert.ok(m.header.height <= 160, `${name}: the account's header takes ${m.header.height} px`);
        figures[name].accountHeader = Math.round(m.header.height);
        await app.saveScreenshot(join(shots, `${name}-account.png`));

        await app.execute(() => (window.location.hash = "#/health"));
        await (await app.$('ol[aria-label="Accounts, riskiest first"]')).waitForDisplayed({ timeout: 20_000 });
        m = await measure(app);
        assert.ok(m.overflow <= 0, `${name}: Health scrolls sideways by ${m.overflow} px`);
        await app.saveScreenshot(join(shots, `${name}-health.png`));
      }
    });
    writeFileSync(join(shots, `figures-${theme}.json`), JSON.stringify(figures, null, 2));
  });
}
