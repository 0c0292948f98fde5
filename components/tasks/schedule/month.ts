import { addDays, startOfWeek, today } from "./dates";

/** The calendar's month from the URL (`month=YYYY-MM`, default this month) and the whole weeks that show it. */
export function monthGrid(value: string | undefined): { month: string; from: string; to: string; prev: string; next: string } {
  const month = value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : today().slice(0, 7);
  const first = `${month}-01`;
  const nextFirst = addDays(first, 32).slice(0, 7) + "-01";
  const last = addDays(nextFirst, -1);
  return {
    month,
    from: startOfWeek(first),
    to: addDays(startOfWeek(last), 6),
    prev: addDays(first, -1).slice(0, 7),
    next: nextFirst.slice(0, 7),
  };
}
