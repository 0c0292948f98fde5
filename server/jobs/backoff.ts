/** base, 2×base, 4×base … (at most an hour) with ±20 % jitter, so retries do not arrive in lockstep. */
export function backoffMs(baseMs: number, attempt: number): number {
  const raw = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(raw * (0.8 + Math.random() * 0.4));
}
