import { describe, expect, it } from "vitest";
import { formatClock, formatDuration, parseDuration } from "./duration";

describe("durations", () => {
  it("reads what people type", () => {
    expect(parseDuration("1h 30m")).toBe(5400);
    expect(parseDuration("1h30m")).toBe(5400);
    expect(parseDuration("45m")).toBe(2700);
    expect(parseDuration("1.5h")).toBe(5400);
    expect(parseDuration("90")).toBe(5400);
    expect(parseDuration("1:05")).toBe(3900);
    expect(parseDuration("2h 10s")).toBe(7210);
    for (const bad of ["", "abc", "1x", "h", "1:75"]) expect(parseDuration(bad)).toBeNull();
  });

  it("writes durations and clocks", () => {
    expect(formatDuration(5400)).toBe("1h 30m");
    expect(formatDuration(300)).toBe("5m");
    expect(formatDuration(42)).toBe("42s");
    expect(formatDuration(0)).toBe("0m");
    expect(formatClock(3723)).toBe("1:02:03");
    expect(formatClock(65)).toBe("01:05");
  });
});
