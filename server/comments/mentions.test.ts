import { describe, expect, it } from "vitest";
import { nameHandle, parseMentions } from "./mentions";

describe("parseMentions", () => {
  it("finds handles, lower-cased and without duplicates", () => {
    expect(parseMentions("@Ada and @bob.smith, then @ADA again")).toEqual(["ada", "bob.smith"]);
  });

  it("drops trailing sentence punctuation", () => {
    expect(parseMentions("Thanks @ada. Ask @grace-h- or @o'brien'")).toEqual(["ada", "grace-h", "o'brien"]);
  });

  it("ignores email addresses and mentions inside code", () => {
    expect(parseMentions("mail ada@example.com, `@notme` and\n```\n@neither\n```\n@yes")).toEqual(["yes"]);
  });

  it("accepts letters of any script and plus-addressed local parts", () => {
    expect(parseMentions("(@ZoëKrüger) @ops+alerts")).toEqual(["zoëkrüger", "ops+alerts"]);
  });

  it("returns nothing for a bare @ or no mentions", () => {
    expect(parseMentions("@ alone, nothing here")).toEqual([]);
  });

  it("caps the number of handles", () => {
    const body = Array.from({ length: 80 }, (_, i) => `@u${i}`).join(" ");
    expect(parseMentions(body)).toHaveLength(50);
  });
});

describe("nameHandle", () => {
  it("removes all whitespace", () => {
    expect(nameHandle("Ada  Love\tLace")).toBe("adalovelace");
  });
});
