import { describe, expect, it } from "vitest";
import { generateKeyBetween } from "fractional-indexing";
import { jitteredKeyBetween } from "./position";

describe("jitteredKeyBetween", () => {
  it("returns valid keys strictly between the bounds, and rarely the same key twice", () => {
    const bounds: [string | null, string | null][] = [
      [null, null],
      ["a0", null],
      [null, "a0"],
      ["a0", "a1"],
      ["a0V", "a0V1"],
    ];
    for (const [low, high] of bounds) {
      const keys = new Set<string>();
      for (let i = 0; i < 200; i++) {
        const key = jitteredKeyBetween(low, high);
        if (low !== null) expect(key > low).toBe(true);
        if (high !== null) expect(key < high).toBe(true);
        expect(() => generateKeyBetween(key, null)).not.toThrow();
        keys.add(key);
      }
      expect(keys.size).toBeGreaterThan(190);
    }
  });

  it("keeps a column appended one by one in order", () => {
    let last: string | null = null;
    for (let i = 0; i < 100; i++) {
      const key = jitteredKeyBetween(last, null);
      if (last !== null) expect(key > last).toBe(true);
      last = key;
    }
    expect(last!.length).toBeLessThan(12);
  });
});
