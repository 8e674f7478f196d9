import { expect, test } from "vitest";
import { ActionError, problemsOf } from "./outcome";

const about = (field: string | null) => new ActionError({ code: "validation", field, message: `Problem with ${field}.` });

test("an error about one of the form's fields is shown beside that field only", () => {
  const problems = problemsOf(about("due_at"), ["text", "due_at"]);
  expect(problems.at("due_at")).toBe("Problem with due_at.");
  expect(problems.at("text")).toBeNull();
  expect(problems.general).toBeNull();
});

test("an error about nothing the form shows, or about no field, is shown for the whole form", () => {
  expect(problemsOf(about("interaction_id"), ["text"]).general).toBe("Problem with interaction_id.");
  expect(problemsOf(about(null), ["text"]).general).toBe("Problem with null.");
  expect(problemsOf(new Error("The window could not reach Rapport."), ["text"]).general).toBe("The window could not reach Rapport.");
  expect(problemsOf(null, ["text"])).toMatchObject({ general: null });
});
