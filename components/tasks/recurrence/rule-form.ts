import { RRule } from "rrule";

// The Repeat picker's form ↔ an RFC 5545 RRULE. The anchor is the task's date (due, else start, else
// today): it gives "monthly on day N", "the Nth weekday" and the weekly default day.

export type RepeatFreq = "daily" | "weekdays" | "weekly" | "monthly" | "yearly";
export type RepeatForm = {
  freq: RepeatFreq;
  interval: number;
  days: string[];
  monthly: "day" | "weekday";
  end: "never" | "until" | "count";
  until: string;
  count: number;
  trigger: "on_complete" | "on_schedule";
};

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export const WEEKDAY_NAMES: Record<string, string> = { MO: "Mon", TU: "Tue", WE: "Wed", TH: "Thu", FR: "Fri", SA: "Sat", SU: "Sun" };
const FREQ: Record<Exclude<RepeatFreq, "weekdays">, string> = { daily: "DAILY", weekly: "WEEKLY", monthly: "MONTHLY", yearly: "YEARLY" };
const ORDINAL = ["first", "second", "third", "fourth", "last"];

const dayOf = (anchor: string) => new Date(`${anchor}T00:00:00Z`);
/** MO…SU of a YYYY-MM-DD date. */
export const weekdayOf = (anchor: string) => WEEKDAYS[(dayOf(anchor).getUTCDay() + 6) % 7]!;
/** Which of its weekday in the month the anchor is: 1–4, or -1 for a fifth (said "last"). */
export const nthOf = (anchor: string) => {
  const n = Math.ceil(dayOf(anchor).getUTCDate() / 7);
  return n >= 5 ? -1 : n;
};
export const nthWeekdayLabel = (anchor: string) =>
  `the ${ORDINAL[nthOf(anchor) === -1 ? 4 : nthOf(anchor) - 1]} ${WEEKDAY_NAMES[weekdayOf(anchor)]}`;

export function defaultForm(anchor: string): RepeatForm {
  return {
    freq: "weekly",
    interval: 1,
    days: [weekdayOf(anchor)],
    monthly: "day",
    end: "never",
    until: "",
    count: 5,
    trigger: "on_complete",
  };
}

export function toRule(f: RepeatForm, anchor: string): string {
  const parts =
    f.freq === "weekdays"
      ? ["FREQ=WEEKLY", "BYDAY=MO,TU,WE,TH,FR"]
      : [`FREQ=${FREQ[f.freq]}`, ...(f.interval > 1 ? [`INTERVAL=${f.interval}`] : [])];
  if (f.freq === "weekly")
    parts.push(`BYDAY=${(f.days.length ? WEEKDAYS.filter((d) => f.days.includes(d)) : [weekdayOf(anchor)]).join(",")}`);
  if (f.freq === "monthly")
    parts.push(f.monthly === "day" ? `BYMONTHDAY=${dayOf(anchor).getUTCDate()}` : `BYDAY=${nthOf(anchor)}${weekdayOf(anchor)}`);
  if (f.end === "until" && f.until) parts.push(`UNTIL=${f.until.replaceAll("-", "")}`);
  if (f.end === "count") parts.push(`COUNT=${Math.max(1, Math.floor(f.count))}`);
  return parts.join(";");
}

/** The form for a stored rule (the picker's own rules; others read as the closest fit). */
export function fromRule(rule: string, trigger: RepeatForm["trigger"], anchor: string): RepeatForm {
  const p = new Map(rule.split(";").map((kv) => kv.split("=") as [string, string]));
  const byday = p.get("BYDAY");
  const base = { ...defaultForm(anchor), trigger, interval: Number(p.get("INTERVAL") ?? 1) };
  const until = p.get("UNTIL");
  const end = until
    ? { end: "until" as const, until: `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` }
    : p.has("COUNT")
      ? { end: "count" as const, count: Number(p.get("COUNT")) }
      : {};
  const freq = p.get("FREQ");
  if (freq === "WEEKLY" && byday === "MO,TU,WE,TH,FR" && base.interval === 1) return { ...base, ...end, freq: "weekdays" };
  if (freq === "WEEKLY") return { ...base, ...end, freq: "weekly", days: byday ? byday.split(",") : base.days };
  if (freq === "MONTHLY") return { ...base, ...end, freq: "monthly", monthly: byday ? "weekday" : "day" };
  return { ...base, ...end, freq: freq === "YEARLY" ? "yearly" : "daily" };
}

/** The next `n` dates after the anchor (COUNT includes the anchor's own task), as the server computes them. */
export function previewDates(rule: string, anchor: string, n = 3): string[] {
  try {
    const count = /COUNT=(\d+)/.exec(rule);
    const left = Math.min(n, count ? Number(count[1]) - 1 : n);
    if (left <= 0) return [];
    const r = new RRule({ ...RRule.parseString(rule.replace(/;?COUNT=\d+/, "")), dtstart: dayOf(anchor) });
    const limit = dayOf(anchor);
    limit.setUTCFullYear(limit.getUTCFullYear() + 100);
    return r.between(dayOf(anchor), limit, false, (_d, i) => i < left).map((d) => d.toISOString().slice(0, 10));
  } catch {
    return [];
  }
}
