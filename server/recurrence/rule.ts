import { RRule } from "rrule";

// RFC 5545 recurrence rules for tasks: whole days only (no HOURLY and finer), parsed strictly here so a
// bad rule is a 422 naming the part at fault, then handed to the rrule library for the dates.
// COUNT is kept out of the library's rule: it counts tasks of the series from its start index, which
// stays right when the rule changes mid-series.

export class RuleError extends Error {}

export type Rule = {
  /** Normalised text, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10 */
  text: string;
  count: number | null;
  until: string | null;
};

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const ORDER = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST", "UNTIL", "COUNT"];
const FREQS = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
// Bounds the search for the next date: an impossible rule (Feb 30) ends instead of running to 9999.
const SEARCH_YEARS = 100;

const intIn = (v: string, lo: number, hi: number) => /^[+-]?\d{1,4}$/.test(v) && Number(v) >= lo && Number(v) <= hi && Number(v) !== 0;
const list = (v: string, ok: (x: string) => boolean, what: string) => {
  for (const x of v.split(",")) if (!ok(x)) throw new RuleError(`${what} has a bad value: ${x || "(empty)"}`);
};

/** Parses and checks an RRULE ("RRULE:" prefix optional); throws RuleError saying what is wrong. */
export function parseRule(input: string): Rule {
  const body = input
    .trim()
    .replace(/^RRULE:/i, "")
    .toUpperCase();
  if (body.length === 0 || body.length > 300) throw new RuleError("must be an RRULE such as FREQ=WEEKLY;BYDAY=MO");
  const parts = new Map<string, string>();
  for (const part of body.split(";")) {
    const m = /^([A-Z]+)=(.+)$/.exec(part);
    if (!m) throw new RuleError(`has a malformed part: ${part || "(empty)"}`);
    const [, key, value] = m as unknown as [string, string, string];
    if (!ORDER.includes(key))
      throw new RuleError(`${key} is not supported (use FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, WKST, UNTIL, COUNT)`);
    if (parts.has(key)) throw new RuleError(`${key} appears twice`);
    parts.set(key, value);
  }
  const freq = parts.get("FREQ");
  if (!freq) throw new RuleError("needs FREQ");
  if (!FREQS.includes(freq)) throw new RuleError("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY (tasks repeat by the day)");
  const interval = parts.get("INTERVAL");
  if (interval !== undefined && !(/^\d+$/.test(interval) && intIn(interval, 1, freq === "YEARLY" ? 99 : 999)))
    throw new RuleError(`INTERVAL must be a whole number from 1 to ${freq === "YEARLY" ? 99 : 999}`);
  const count = parts.get("COUNT");
  if (count !== undefined && !(/^\d+$/.test(count) && intIn(count, 1, 1000)))
    throw new RuleError("COUNT must be a whole number from 1 to 1000");
  const until = parts.get("UNTIL");
  let untilDay: string | null = null;
  if (until !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(until);
    const day = m ? `${m[1]}-${m[2]}-${m[3]}` : "";
    if (!m || !realDay(day)) throw new RuleError("UNTIL must be a date such as 20271231");
    untilDay = day;
  }
  if (count !== undefined && until !== undefined) throw new RuleError("takes COUNT or UNTIL, not both");
  const byday = parts.get("BYDAY");
  if (byday !== undefined) {
    const ordinals = freq === "MONTHLY" || freq === "YEARLY";
    list(
      byday,
      (x) => {
        const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(x);
        return Boolean(m && DAYS.includes(m[2]!) && (m[1] === undefined || (ordinals && intIn(m[1], -53, 53))));
      },
      "BYDAY",
    );
  }
  const check = (key: string, lo: number, hi: number) => {
    const v = parts.get(key);
    if (v !== undefined) list(v, (x) => intIn(x, lo, hi), key);
  };
  check("BYMONTHDAY", -31, 31);
  check("BYMONTH", 1, 12);
  check("BYSETPOS", -5, 5);
  const wkst = parts.get("WKST");
  if (wkst !== undefined && !DAYS.includes(wkst)) throw new RuleError("WKST must be a weekday such as MO");
  checkFeasible(freq, parts);

  const text = ORDER.filter((k) => parts.has(k))
    .map((k) => `${k}=${parts.get(k)}`)
    .join(";");
  return { text, count: count === undefined ? null : Number(count), until: untilDay };
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The library looks for a matching day until the year 9999 when none can exist (February 30th), which
// takes many seconds: the combinations that can be impossible are refused here instead.
function checkFeasible(freq: string, parts: Map<string, string>): void {
  const monthday = parts.get("BYMONTHDAY");
  if (monthday !== undefined && (freq === "DAILY" || freq === "WEEKLY")) throw new RuleError("BYMONTHDAY needs FREQ=MONTHLY or YEARLY");
  if (parts.has("BYSETPOS") && (freq !== "MONTHLY" || !parts.has("BYDAY") || monthday !== undefined))
    throw new RuleError("BYSETPOS needs FREQ=MONTHLY and BYDAY (the nth of those weekdays), without BYMONTHDAY");
  if (monthday !== undefined && /\d[A-Z]/.test(parts.get("BYDAY") ?? ""))
    throw new RuleError("BYDAY with a number does not combine with BYMONTHDAY");
  if (monthday === undefined) return;
  const months = (parts.get("BYMONTH")?.split(",") ?? ["1", "3"]).map(Number);
  const days = monthday.split(",").map((d) => Math.abs(Number(d)));
  if (!months.some((m) => days.some((d) => d <= MONTH_DAYS[m - 1]!))) throw new RuleError("BYMONTHDAY never falls in BYMONTH");
}

function realDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day) && day >= "1000-01-01";
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (d: Date) => d.toISOString().slice(0, 10);

/** The library's rule, anchored at dtstart (which sets the default weekday and month day), without COUNT. */
function libraryRule(rule: Rule, dtstart: string): RRule {
  const withoutCount = rule.text
    .split(";")
    .filter((p) => !p.startsWith("COUNT="))
    .join(";");
  return new RRule({ ...RRule.parseString(withoutCount), dtstart: toDate(dtstart) });
}

/**
 * The next `n` occurrence dates after the occurrence numbered `index` on `date`, with their numbers;
 * COUNT ends the list (it counts occurrences from the series' start index), as do UNTIL and n.
 */
export function nextOccurrences(
  rule: Rule,
  at: { dtstart: string; startIndex: number; date: string; index: number },
  n: number,
): { date: string; index: number }[] {
  const left = rule.count === null ? n : Math.min(n, at.startIndex + rule.count - 1 - at.index);
  if (left <= 0) return [];
  const from = toDate(at.date);
  const limit = new Date(from);
  limit.setUTCFullYear(limit.getUTCFullYear() + SEARCH_YEARS);
  const dates = libraryRule(rule, at.dtstart).between(from, limit, false, (_d, i) => i < left);
  return dates.map((d, i) => ({ date: toDay(d), index: at.index + 1 + i }));
}

/** The rule in words ("every week on Monday, Wednesday"), for people. */
export function describeRule(rule: Rule, dtstart: string): string {
  const text = new RRule({ ...RRule.parseString(rule.text), dtstart: toDate(dtstart) }).toText();
  return text;
}

/** Whether the rule yields any date after `date` (COUNT aside): a rule that never does is refused. */
export function hasDatesAfter(rule: Rule, dtstart: string, date: string): boolean {
  return nextOccurrences({ ...rule, count: null }, { dtstart, startIndex: 1, date, index: 1 }, 1).length > 0;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return toDay(d);
}

/** Whole days from a to b (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);
}
