// Why a target was missed, read off the floors measured beside it (so the reason is evidence, not a guess).
const ms = (v: number) => `${Math.round(v)} ms`;
const share = (a: number, b: number) => `${Math.round((a / b) * 100)}%`;

export function throughputWhy(app: number, framework: number, physical: number, detail = ""): string {
  const layers = `the app reaches ${share(app, physical)} of the physical floor running the same SQL (the rest goes to its own layers: auth lookup, rate limiter, validation, serialisation)`;
  if (physical < 0.6 * framework) {
    return `the same SQL alone (physical floor) reaches only ${share(physical, framework)} of the framework floor, so the database work per request${detail} caps it before any framework cost; ${layers}`;
  }
  return layers;
}

export function latencyWhy(app: number, framework: number, physical: number, target: number): string {
  if (framework >= target) return `even the framework floor's p99 is ${ms(framework)} at this concurrency on this machine`;
  if (physical >= target) return `the same SQL alone (physical floor) has a p99 of ${ms(physical)}`;
  return `the app's own layers add ${ms(app - physical)} at p99 over the same SQL alone`;
}

export function sqlWhy(api: number, sql: number, target: number, overhead?: number): string {
  const parts: string[] = [];
  if (sql >= target) parts.push(`the SQL alone takes ${ms(sql)} at p95, so the query itself is the limit`);
  if (overhead !== undefined && api - sql > overhead)
    parts.push(`the API adds ${ms(api - sql)} over its SQL (HTTP, auth, rate limiter, JSON)`);
  if (!parts.length) parts.push(`the API's p95 is ${ms(api)} against ${ms(sql)} for its SQL`);
  return parts.join("; ");
}
