import { describe, expect, it } from "vitest";
import { usableLanguage } from "./locale";

describe("the page's language", () => {
  it("keeps a real language tag", () => {
    expect(usableLanguage("de-DE", [])).toBe("de-DE");
  });

  it("replaces the POSIX locale with a tag Intl accepts, so the charts can load", () => {
    const tag = usableLanguage("C", ["C", "fr-FR"]);
    expect(tag).toBe("fr-FR");
    const fallback = usableLanguage("C", []);
    expect(() => new Intl.NumberFormat(fallback)).not.toThrow();
  });
});
