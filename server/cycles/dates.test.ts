import { describe, expect, it } from "vitest";
import { addDays, alignBack, cyclesToAdd, dayIn } from "./dates";

describe("cycle dates", () => {
  it("aligns back to the start weekday", () => {
    expect(alignBack("2030-01-02", "monday")).toBe("2029-12-31"); // a Wednesday
    expect(alignBack("2029-12-31", "monday")).toBe("2029-12-31");
    expect(alignBack("2030-01-02", "thursday")).toBe("2029-12-27");
    expect(addDays("2030-02-28", 1)).toBe("2030-03-01");
  });

  it("reads the local date in the project's time zone", () => {
    expect(dayIn("Pacific/Auckland", new Date("2030-01-01T12:00:00Z"))).toBe("2030-01-02");
    expect(dayIn("UTC", new Date("2030-01-01T23:59:00Z"))).toBe("2030-01-01");
  });

  it("plans the current cycle and the next two from nothing", () => {
    expect(cyclesToAdd([], "2030-01-02", { lengthWeeks: 2, startDay: "monday" })).toEqual([
      { startDate: "2029-12-31", endDate: "2030-01-13" },
      { startDate: "2030-01-14", endDate: "2030-01-27" },
      { startDate: "2030-01-28", endDate: "2030-02-10" },
    ]);
  });

  it("keeps existing cycles and fills only what is missing, never overlapping", () => {
    const existing = [
      { startDate: "2029-12-31", endDate: "2030-01-06" },
      { startDate: "2030-01-10", endDate: "2030-01-12" },
    ];
    // today's cycle, a new one cut short before the hand-made one, which is the second after today
    expect(cyclesToAdd(existing, "2030-01-02", { lengthWeeks: 1, startDay: "monday" })).toEqual([
      { startDate: "2030-01-07", endDate: "2030-01-09" },
    ]);
    expect(cyclesToAdd(existing, "2030-01-11", { lengthWeeks: 1, startDay: "monday" })).toEqual([
      { startDate: "2030-01-13", endDate: "2030-01-19" },
      { startDate: "2030-01-20", endDate: "2030-01-26" },
    ]);
    const full = cyclesToAdd([], "2030-01-02", { lengthWeeks: 1, startDay: "monday" });
    expect(cyclesToAdd(full, "2030-01-02", { lengthWeeks: 1, startDay: "monday" })).toEqual([]);
  });
});
