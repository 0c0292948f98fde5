// `npm run check:deploy`: renders and checks everything under deploy/ and .github/workflows without a cluster,
// a cloud account or network access (README: Deployment). Exits 1 with every problem listed.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parseAllDocuments } from "yaml";
import { composeProblems } from "./compose";
import { schemaProblems } from "./k8s-schema";
import { migrationProblems, overlayProblems } from "./k8s-invariants";
import { build, type K8sObject } from "./kustomize";
import { observabilityProblems } from "./observability";
import { backendProblems, terraformProblems } from "./terraform";
import { workflowProblems } from "./workflows";

const root = path.resolve(import.meta.dirname, "../..");
const k8s = path.join(root, "deploy/k8s");
const tf = path.join(root, "deploy/terraform");
let passed = 0;
let failed = 0;

function report(name: string, problems: string[]) {
  if (problems.length === 0) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}`);
    for (const p of problems) console.log(`     - ${p}`);
  }
}

const key = (o: K8sObject) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;

// Where kubectl is installed, its kustomize must render exactly what our renderer does.
function compareWithKubectl(dir: string, ours: K8sObject[]): string[] | undefined {
  const run = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
  if (run.error || run.status !== 0) return run.error ? undefined : [`kubectl kustomize failed: ${run.stderr}`];
  const theirs = parseAllDocuments(run.stdout).map((d) => d.toJSON() as K8sObject);
  const problems: string[] = [];
  const byKey = new Map(theirs.map((o) => [key(o), o]));
  if (theirs.length !== ours.length) problems.push(`kubectl renders ${theirs.length} objects, ours ${ours.length}`);
  for (const o of ours) {
    const t = byKey.get(key(o));
    if (!t) problems.push(`${key(o)}: not rendered by kubectl`);
    else if (!isDeepStrictEqual(t, o)) problems.push(`${key(o)}: differs from kubectl's rendering`);
  }
  return problems;
}

const overlays = readdirSync(path.join(k8s, "overlays"));
for (const env of overlays) {
  const dir = path.join(k8s, "overlays", env);
  const objects = build(dir);
  report(`k8s ${env}: schemas (${objects.length} objects)`, await schemaProblems(objects));
  report(`k8s ${env}: invariants`, overlayProblems(objects));
  const job = build(path.join(dir, "migrate"));
  report(`k8s ${env}/migrate: schemas and invariants`, [...(await schemaProblems(job)), ...migrationProblems(job)]);
  for (const [label, d, objs] of [
    [env, dir, objects],
    [`${env}/migrate`, path.join(dir, "migrate"), job],
  ] as const) {
    const same = compareWithKubectl(d, objs);
    if (same) report(`k8s ${label}: same as kubectl kustomize`, same);
    else console.log(`skip k8s ${label}: kubectl not installed (renderer not cross-checked)`);
  }
}
for (const extra of ["bootstrap", "monitoring"]) {
  const objects = build(path.join(k8s, extra)).map((o) => ({ ...o, metadata: { ...o.metadata, namespace: "tasklane-check" } }));
  report(`k8s ${extra}: schemas`, await schemaProblems(objects));
}

const tfvars = (env: string) => path.join(tf, "environments", `${env}.tfvars`);
report("terraform: references and variables", await terraformProblems(tf, overlays.map(tfvars)));
report("terraform bootstrap: references and variables", await terraformProblems(path.join(tf, "bootstrap")));
report(
  "terraform: S3 backend with locking",
  await backendProblems(
    tf,
    overlays.map((e) => path.join(tf, "environments", `${e}.s3.tfbackend`)),
  ),
);
const terraform = spawnSync("terraform", ["fmt", "-check", "-recursive", tf], { encoding: "utf8" });
if (terraform.error) console.log("skip terraform fmt/validate: terraform not installed (the terraform workflow runs them)");
else report("terraform fmt -check", terraform.status === 0 ? [] : [terraform.stdout + terraform.stderr]);

report("workflows", workflowProblems(path.join(root, ".github/workflows")));
report("compose.yaml", composeProblems(path.join(root, "compose.yaml"), path.join(root, "deploy/selfhost/Caddyfile")));
const obs = path.join(root, "deploy/observability");
report(
  "observability: only exported metrics",
  await observabilityProblems(path.join(root, "server/metrics.ts"), [
    path.join(obs, "grafana-dashboard.json"),
    path.join(obs, "cloudwatch-dashboard.json.tpl"),
    path.join(obs, "cloudwatch-observability.json"),
    path.join(tf, "observability.tf"),
  ]),
);

console.log(`\ncheck:deploy: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
