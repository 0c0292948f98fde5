import { describe, expect, it } from "vitest";
import { addDays, daysBetween, describeRule, hasDatesAfter, nextOccurrences, parseRule, RuleError } from "./rule";

const at = (date: string, index = 1, dtstart = date, startIndex = 1) => ({ dtstart, startIndex, date, index });

describe("recurrence rules", () => {
  it("normalises accepted rules", () => {
    expect(parseRule("rrule:byday=mo,we;freq=weekly")).toEqual({ text: "FREQ=WEEKLY;BYDAY=MO,WE", count: null, until: null });
    expect(parseRule("FREQ=MONTHLY;BYDAY=2TU;COUNT=6")).toMatchObject({ count: 6 });
    expect(parseRule("FREQ=YEARLY;UNTIL=20301231T000000Z")).toMatchObject({ until: "2030-12-31" });
    expect(parseRule("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1").text).toBe("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
  });

  it("refuses what is not a whole-day rule, or can never happen", () => {
    for (const bad of [
      "",
      "FREQ=WEEKLY;;BYDAY=MO",
      "FREQ=MINUTELY",
      "BYDAY=MO",
      "FREQ=DAILY;FREQ=WEEKLY",
      "FREQ=DAILY;INTERVAL=0",
      "FREQ=YEARLY;INTERVAL=100",
      "FREQ=DAILY;COUNT=1001",
      "FREQ=DAILY;COUNT=2;UNTIL=20300101",
      "FREQ=DAILY;UNTIL=20300231",
      "FREQ=WEEKLY;BYDAY=2TU",
      "FREQ=MONTHLY;BYDAY=XX",
      "FREQ=MONTHLY;BYMONTHDAY=0",
      "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
      "FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31",
      "FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=13",
      "FREQ=WEEKLY;BYMONTHDAY=1",
      "FREQ=MONTHLY;BYSETPOS=2",
      "FREQ=DAILY;DTSTART=20300101",
    ])
      expect(() => parseRule(bad), bad).toThrow(RuleError);
  });

  it("gives the next dates: weekly on chosen days, the second Tuesday, every N, until a date, N times", () => {
    const dates = (rule: string, from: ReturnType<typeof at>, n = 3) => nextOccurrences(parseRule(rule), from, n).map((o) => o.date);
    expect(dates("FREQ=WEEKLY;BYDAY=MO,TH", at("2030-01-07"))).toEqual(["2030-01-10", "2030-01-14", "2030-01-17"]);
    expect(dates("FREQ=MONTHLY;BYDAY=2TU", at("2030-01-08"))).toEqual(["2030-02-12", "2030-03-12", "2030-04-09"]);
    expect(dates("FREQ=MONTHLY;BYMONTHDAY=31", at("2030-01-31"))).toEqual(["2030-03-31", "2030-05-31", "2030-07-31"]);
    expect(dates("FREQ=DAILY;INTERVAL=3", at("2030-01-01"))).toEqual(["2030-01-04", "2030-01-07", "2030-01-10"]);
    expect(dates("FREQ=YEARLY", at("2028-02-29"))).toEqual(["2032-02-29", "2036-02-29", "2040-02-29"]);
    expect(dates("FREQ=WEEKLY;UNTIL=20300115", at("2030-01-01"))).toEqual(["2030-01-08", "2030-01-15"]);
    // COUNT=3 from the series start: occurrence 2 has one left after it.
    expect(nextOccurrences(parseRule("FREQ=DAILY;COUNT=3"), at("2030-01-02", 2, "2030-01-01"), 3)).toEqual([
      { date: "2030-01-03", index: 3 },
    ]);
    // The rule changed at occurrence 5: COUNT counts from there.
    expect(nextOccurrences(parseRule("FREQ=DAILY;COUNT=2"), at("2030-01-05", 5, "2030-01-05", 5), 3)).toEqual([
      { date: "2030-01-06", index: 6 },
    ]);
    expect(hasDatesAfter(parseRule("FREQ=DAILY;UNTIL=20300101"), "2030-01-01", "2030-01-01")).toBe(false);
  });

  it("describes rules and counts days", () => {
    expect(describeRule(parseRule("FREQ=WEEKLY;BYDAY=MO"), "2030-01-07")).toBe("every week on Monday");
    expect(addDays("2030-02-27", 2)).toBe("2030-03-01");
    expect(daysBetween("2030-03-01", "2030-02-27")).toBe(-2);
  });
});
