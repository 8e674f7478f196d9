import { expect, test } from "vitest";
import { keeps, policyProblems } from "./backups";
import { TOO_LARGE } from "./numbers";

test("what Rapport keeps is said in words, leaving out what it keeps none of", () => {
  expect(keeps({ daily: 7, weekly: 4, monthly: 12 })).toBe("one copy a day for 7 days, one a week for 4 weeks and one a month for 12 months");
  expect(keeps({ daily: 0, weekly: 1, monthly: 0 })).toBe("one copy a week for 1 week");
  expect(keeps({ daily: 30, weekly: 0, monthly: 6 })).toBe("one copy a day for 30 days and one a month for 6 months");
  expect(keeps({ daily: 0, weekly: 0, monthly: 0 })).toBe("only the newest copy");
});

test("only numbers that cannot even be sent are refused before saving", () => {
  expect(policyProblems({ daily: 7, weekly: 0, monthly: 5000 })).toEqual({});
  expect(policyProblems({ daily: null as unknown as number, weekly: -1, monthly: 1e12 })).toEqual({
    daily: "Type a whole number, such as 7. Type 0 to keep none of these.",
    weekly: "The number of copies cannot be below 0. Type 0 to keep none of these.",
    monthly: TOO_LARGE,
  });
});
