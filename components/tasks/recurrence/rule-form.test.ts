import { describe, expect, it } from "vitest";
import { defaultForm, fromRule, nthWeekdayLabel, previewDates, toRule, type RepeatForm } from "./rule-form";

// 2030-01-08 is the second Tuesday of January 2030.
const anchor = "2030-01-08";
const form = (f: Partial<RepeatForm>): RepeatForm => ({ ...defaultForm(anchor), ...f });

describe("the Repeat picker's rules", () => {
  it("builds the common rules", () => {
    expect(toRule(form({ freq: "daily" }), anchor)).toBe("FREQ=DAILY");
    expect(toRule(form({ freq: "weekdays", interval: 3 }), anchor)).toBe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expect(toRule(form({ freq: "weekly" }), anchor)).toBe("FREQ=WEEKLY;BYDAY=TU");
    expect(toRule(form({ freq: "weekly", interval: 2, days: ["FR", "MO"] }), anchor)).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR");
    expect(toRule(form({ freq: "monthly" }), anchor)).toBe("FREQ=MONTHLY;BYMONTHDAY=8");
    expect(toRule(form({ freq: "monthly", monthly: "weekday" }), anchor)).toBe("FREQ=MONTHLY;BYDAY=2TU");
    expect(toRule(form({ freq: "monthly", monthly: "weekday" }), "2030-01-29")).toBe("FREQ=MONTHLY;BYDAY=-1TU");
    expect(toRule(form({ freq: "yearly", end: "until", until: "2040-01-01" }), anchor)).toBe("FREQ=YEARLY;UNTIL=20400101");
    expect(toRule(form({ freq: "daily", end: "count", count: 4 }), anchor)).toBe("FREQ=DAILY;COUNT=4");
    expect(nthWeekdayLabel(anchor)).toBe("the second Tue");
  });

  it("reads its own rules back", () => {
    for (const f of [
      form({ freq: "weekdays" }),
      form({ freq: "weekly", days: ["MO", "WE"], interval: 2 }),
      form({ freq: "monthly", monthly: "weekday", end: "count", count: 6 }),
      form({ freq: "yearly", end: "until", until: "2031-05-01", trigger: "on_schedule" }),
    ]) {
      expect(toRule(fromRule(toRule(f, anchor), f.trigger, anchor), anchor)).toBe(toRule(f, anchor));
      expect(fromRule(toRule(f, anchor), f.trigger, anchor).trigger).toBe(f.trigger);
    }
  });

  it("previews the next three dates, counting the task itself in COUNT", () => {
    expect(previewDates("FREQ=MONTHLY;BYDAY=2TU", anchor)).toEqual(["2030-02-12", "2030-03-12", "2030-04-09"]);
    expect(previewDates("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2030-01-11")).toEqual(["2030-01-14", "2030-01-15", "2030-01-16"]);
    expect(previewDates("FREQ=DAILY;COUNT=2", anchor)).toEqual(["2030-01-09"]);
    expect(previewDates("FREQ=DAILY;UNTIL=20300109", anchor)).toEqual(["2030-01-09"]);
    expect(previewDates("nonsense", anchor)).toEqual([]);
  });
});
