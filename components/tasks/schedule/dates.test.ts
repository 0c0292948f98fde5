import { describe, expect, it } from "vitest";
import { addDays, daysBetween, shiftedDates, spanOf, startOfWeek, weekday, withDueDate } from "./dates";

describe("calendar days", () => {
  it("adds days across months, years and leap days, without time zone drift", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(daysBetween("2027-03-01", "2027-03-31")).toBe(30);
  });

  it("starts weeks on Monday", () => {
    expect(weekday("2027-03-01")).toBe(0); // a Monday
    expect(startOfWeek("2027-03-07")).toBe("2027-03-01"); // the Sunday after it
  });
});

describe("editing a task's dates", () => {
  const both = { startDate: "2027-03-01", dueDate: "2027-03-05" };
  const dueOnly = { startDate: null, dueDate: "2027-03-10" };

  it("spans start..due, or the single date a task has", () => {
    expect(spanOf(both)).toEqual({ start: "2027-03-01", end: "2027-03-05" });
    expect(spanOf(dueOnly)).toEqual({ start: "2027-03-10", end: "2027-03-10" });
    expect(spanOf({ startDate: null, dueDate: null })).toBeNull();
  });

  it("moves every date it has, and resizes one end without crossing the other", () => {
    expect(shiftedDates(both, { mode: "move", delta: 3 })).toEqual({ startDate: "2027-03-04", dueDate: "2027-03-08" });
    expect(shiftedDates(dueOnly, { mode: "move", delta: -2 })).toEqual({ startDate: null, dueDate: "2027-03-08" });
    expect(shiftedDates(both, { mode: "end", delta: 2 })).toEqual({ startDate: "2027-03-01", dueDate: "2027-03-07" });
    expect(shiftedDates(both, { mode: "end", delta: -9 })).toEqual({ startDate: "2027-03-01", dueDate: "2027-03-01" });
    expect(shiftedDates(dueOnly, { mode: "start", delta: -3 })).toEqual({ startDate: "2027-03-07", dueDate: "2027-03-10" });
  });

  it("carries the start date along when the due date moves", () => {
    expect(withDueDate(both, "2027-03-12")).toEqual({ startDate: "2027-03-08", dueDate: "2027-03-12" });
    expect(withDueDate(dueOnly, "2027-04-01")).toEqual({ startDate: null, dueDate: "2027-04-01" });
    expect(withDueDate({ startDate: "2027-03-20", dueDate: null }, "2027-03-10")).toEqual({
      startDate: "2027-03-10",
      dueDate: "2027-03-10",
    });
  });
});
