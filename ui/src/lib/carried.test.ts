import { expect, test } from "vitest";
import { carrier } from "./carried";

test("a carried sentence is taken once, and each carrier keeps its own", () => {
  const imports = carrier();
  const restores = carrier();
  imports.carry("Imported people.csv.");
  expect(restores.take()).toBeNull();
  expect(imports.take()).toBe("Imported people.csv.");
  expect(imports.take()).toBeNull();
});
