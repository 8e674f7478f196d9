import { expect, test } from "vitest";
import { healthWeights } from "../test/fixtures";
import { bandCounts, levelText, signed, weightProblems } from "./health";

test("a move in the score reads with its sign, a true minus included", () => {
  expect(signed(4)).toBe("+4");
  expect(signed(-12)).toBe("−12");
  expect(signed(0)).toBe("±0");
});

test("the advisor level reads as its rung and its name", () => {
  expect(levelText({ level: 4, name: "trusted advisor" })).toBe("Level 4 · Trusted advisor");
});

test("the bands are counted, empty ones included", () => {
  expect(bandCounts([{ band: "watch" }, { band: "at_risk" }, { band: "watch" }])).toEqual({ at_risk: 1, watch: 2, healthy: 0, unknown: 0 });
});

test("only weights that cannot be sent are refused here; the range is the core's rule", () => {
  expect(weightProblems(healthWeights({ goals: 0, intimacy: 250 }))).toEqual({});
  const refused = weightProblems({ ...healthWeights({ breadth: 2.5, proactivity: -1, engagement: 5_000_000_000 }), reliability: null as unknown as number });
  expect(Object.keys(refused).sort()).toEqual(["breadth", "engagement", "proactivity", "reliability"]);
});
