import { describe, expect, it } from "vitest";
import { convertValue } from "./convert";
import { normalise } from "./values";

const opts = [
  { id: "00000000-0000-4000-8000-000000000001", name: "High", color: "#000000" },
  { id: "00000000-0000-4000-8000-000000000002", name: "Low", color: "#ffffff" },
];
const [high, low] = opts.map((o) => o.id) as [string, string];
const f = (type: Parameters<typeof normalise>[0]["type"], options = opts) => ({ type, options });

describe("custom field values", () => {
  it("normalises per type and refuses what does not fit", () => {
    expect(normalise(f("number"), 3)).toBe(3);
    expect(normalise(f("number"), "3")).toBeUndefined();
    expect(normalise(f("date"), "2030-02-30")).toBeUndefined();
    expect(normalise(f("url"), " https://example.com/a ")).toBe("https://example.com/a");
    expect(normalise(f("url"), "javascript:alert(1)")).toBeUndefined();
    expect(normalise(f("checkbox"), false)).toBeNull();
    expect(normalise(f("multi_select"), [low, high.toUpperCase(), low])).toEqual([high, low]);
    expect(normalise(f("text"), "  ")).toBeNull();
    expect(normalise(f("text"), "a\u0000b")).toBeUndefined();
  });

  it("converts across types when the value keeps a meaning", () => {
    expect(convertValue(f("text"), f("number"), "12.5")).toBe(12.5);
    expect(convertValue(f("text"), f("number"), "twelve")).toBeUndefined();
    expect(convertValue(f("number"), f("text"), 7)).toBe("7");
    expect(convertValue(f("text"), f("single_select"), "low")).toBe(low);
    expect(convertValue(f("single_select"), f("multi_select"), high)).toEqual([high]);
    expect(convertValue(f("multi_select"), f("single_select"), [high, low])).toBeUndefined();
    expect(convertValue(f("multi_select"), f("text"), [high, low])).toBe("High, Low");
    expect(convertValue(f("single_select"), f("single_select", [opts[0]!]), low)).toBeUndefined();
    expect(convertValue(f("person"), f("text"), high)).toBeUndefined();
  });
});
