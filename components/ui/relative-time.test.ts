import { describe, expect, it } from "vitest";
import { formatRelative } from "./relative-time";

describe("formatRelative", () => {
  const now = Date.parse("2026-03-10T12:00:00Z");
  const ago = (seconds: number) => new Date(now - seconds * 1000);
  it("picks the largest unit that fits", () => {
    expect(formatRelative(ago(10), now)).toBe("just now");
    expect(formatRelative(ago(5 * 60), now)).toBe("5 min. ago");
    expect(formatRelative(ago(2 * 3600), now)).toBe("2 hr. ago");
    expect(formatRelative(ago(26 * 3600), now)).toBe("yesterday");
    expect(formatRelative(ago(3 * 24 * 3600), now)).toBe("3 days ago");
    expect(formatRelative(ago(15 * 24 * 3600), now)).toBe("2 wk. ago");
    expect(formatRelative(ago(400 * 24 * 3600), now)).toBe("last yr.");
  });
  it("says future times too", () => {
    expect(formatRelative(ago(-3 * 3600), now)).toBe("in 3 hr.");
  });
});
