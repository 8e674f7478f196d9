// What the health charts share. uPlot draws on a canvas, which cannot read CSS variables, so
// colours are looked up from the design tokens each time a chart is built, and charts are built
// again when the system switches between light and dark.
import uPlot from "uplot";

/** A calendar day ("2026-11-23") as uPlot's x value: seconds at midnight UTC. */
export function dayX(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 1000;
}

/** Days are dates, not instants: read them at UTC so no zone shifts them by one. */
export const utcDate = (seconds: number): Date => uPlot.tzDate(new Date(seconds * 1000), "Etc/UTC");

/** The value of a design token (`--accent`), or `fallback` where the tokens are not loaded. */
export function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** One colour per component, in the core's order of the seven. */
export function componentColours(): string[] {
  const fallbacks = ["#2563eb", "#db2777", "#ea580c", "#7c3aed", "#0891b2", "#65a30d", "#92400e"];
  return fallbacks.map((fallback, i) => token(`--chart-${i + 1}`, fallback));
}

/** A chart on screen: the uPlot drawing it now, and how to take it away. */
export type Chart = { readonly current: uPlot; destroy(): void };

/** Builds a chart with `build`, and builds it again when the colour scheme changes. */
export function themed(build: () => uPlot): Chart {
  let plot = build();
  const scheme = window.matchMedia("(prefers-color-scheme: dark)");
  const rebuild = () => {
    plot.destroy();
    plot = build();
  };
  scheme.addEventListener("change", rebuild);
  return {
    get current() {
      return plot;
    },
    destroy() {
      scheme.removeEventListener("change", rebuild);
      plot.destroy();
    },
  };
}

/**
 * The days a chart's x axis spans: the data's own, or a fortnight either side of a single day —
 * left to itself, uPlot stretches one point over years.
 */
export function dayRange(min: number | null, max: number | null): [number, number] {
  const DAY = 86_400;
  if (min === null || max === null) return [0, DAY];
  return min === max ? [min - 14 * DAY, max + 14 * DAY] : [min, max];
}
