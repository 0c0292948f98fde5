import { ValidationError, type FieldError } from "../errors";
import { AnalyticsQuery } from "./schemas";

// Calendar arithmetic on `YYYY-MM-DD` strings, done in UTC so no local offset leaks in.
const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + days * DAY);
}

/** The Monday of the week holding `date` (weeks start on Monday). */
export function mondayOf(date: string): string {
  const weekday = (new Date(toMs(date)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** A time zone the runtime (and so PostgreSQL's tz database) knows, else UTC. */
export function safeTimezone(tz: string | null | undefined): string {
  if (!tz) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz;
  } catch {
    return "UTC";
  }
}

/** The calendar date of `now` in the time zone. */
export function todayIn(tz: string, now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export type ResolvedRange = { from: string; to: string; timezone: string; today: string; weekStart: string };

/**
 * Defaults: `to` is today, `from` the Monday 11 weeks before to's week, so the range holds 12 weekly
 * buckets. Refuses (422, with field errors) bad dates, from after to, and ranges over 2 years.
 */
export function resolveRange(input: unknown, timezone: string, now: Date): ResolvedRange {
  const parsed = AnalyticsQuery.safeParse(input ?? {});
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  const tz = safeTimezone(timezone);
  const today = todayIn(tz, now);
  const to = parsed.data.to ?? today;
  const from = parsed.data.from ?? addDays(mondayOf(to), -77);
  const errors: FieldError[] = [];
  if (from > to) errors.push({ path: "from", message: "must be on or before to" });
  else if (from < twoYearsBefore(to)) errors.push({ path: "from", message: "the range may span at most 2 years" });
  if (errors.length) throw new ValidationError(errors);
  return { from, to, timezone: tz, today, weekStart: mondayOf(today) };
}

function twoYearsBefore(date: string): string {
  const d = new Date(toMs(date));
  d.setUTCFullYear(d.getUTCFullYear() - 2);
  return fromMs(d.getTime());
}
