import { describe, expect, it } from "vitest";
import { splitPrefix } from "./search";

describe("splitPrefix", () => {
  it("splits off the last bare word", () => {
    expect(splitPrefix("login pag")).toEqual({ rest: "login", prefix: "pag" });
    expect(splitPrefix("Dash")).toEqual({ rest: "", prefix: "dash" });
  });

  it("leaves phrases, exclusions, OR and punctuation to web-search syntax", () => {
    expect(splitPrefix('"red apple"').prefix).toBeNull();
    expect(splitPrefix('"red apple').prefix).toBeNull();
    expect(splitPrefix("apple -red").prefix).toBeNull();
    expect(splitPrefix("apple or pear").prefix).toBeNull();
    expect(splitPrefix("apple or").prefix).toBeNull();
    expect(splitPrefix("ENG-4").prefix).toBeNull();
    expect(splitPrefix("a:*b").prefix).toBeNull();
  });
});
