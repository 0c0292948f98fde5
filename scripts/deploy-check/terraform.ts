// Terraform without terraform: every .tf file parses (HCL → JSON with @cdktf/hcl2json, offline WebAssembly), and the
// references between files agree: variables declared and used, tfvars naming only declared variables and setting the
// required ones, locals, resources, data sources and modules that exist, module outputs the module has.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";

/* eslint-disable @typescript-eslint/no-explicit-any -- HCL as JSON is untyped */
type Parsed = Record<string, any>;

// Outputs of the registry modules at the versions pinned in main.tf/addons.tf/iam.tf (from their documentation);
// `terraform validate` checks the same where terraform is installed.
const moduleOutputs: Record<string, string[]> = {
  "terraform-aws-modules/vpc/aws": [
    "vpc_id",
    "private_subnets",
    "public_subnets",
    "database_subnets",
    "database_subnet_group_name",
    "elasticache_subnet_group_name",
  ],
  "terraform-aws-modules/eks/aws": [
    "cluster_name",
    "cluster_arn",
    "cluster_endpoint",
    "cluster_certificate_authority_data",
    "node_security_group_id",
    "cluster_security_group_id",
    "oidc_provider_arn",
    "cluster_oidc_issuer_url",
  ],
  "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks": ["iam_role_arn", "iam_role_name"],
};

export async function parseRoot(dir: string): Promise<{ files: Map<string, string>; parsed: Parsed[]; problems: string[] }> {
  const files = new Map<string, string>();
  const parsed: Parsed[] = [];
  const problems: string[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith(".tf"))
    .sort()) {
    const source = readFileSync(path.join(dir, f), "utf8");
    files.set(f, source);
    try {
      parsed.push((await parse(f, source)) as Parsed);
    } catch (error) {
      problems.push(`${dir}/${f}: does not parse: ${(error as Error).message}`);
    }
  }
  return { files, parsed, problems };
}

const collect = (parsed: Parsed[], block: string) => parsed.flatMap((p) => Object.entries((p[block] ?? {}) as Record<string, any>));
// Strip comments so a reference named in prose is not taken for a use.
const code = (source: string) => source.replace(/(^|[^:"])#.*$/gm, "$1").replace(/\/\/.*$/gm, "");

export async function terraformProblems(dir: string, tfvarsFiles: string[] = []): Promise<string[]> {
  const { files, parsed, problems } = await parseRoot(dir);
  if (files.size === 0) return [`${dir}: no .tf files`];
  const all = [...files.values()].map(code).join("\n");

  const variables = new Map(collect(parsed, "variable").map(([name, body]) => [name, (body as any[])[0] ?? {}]));
  const used = new Set([...all.matchAll(/\bvar\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]!));
  for (const v of used) if (!variables.has(v)) problems.push(`${dir}: var.${v} is used but not declared`);
  for (const v of variables.keys()) if (!used.has(v)) problems.push(`${dir}: variable ${v} is declared but never used`);

  const locals = new Set(parsed.flatMap((p) => ((p.locals ?? []) as Record<string, unknown>[]).flatMap((l) => Object.keys(l))));
  for (const m of all.matchAll(/\blocal\.(\w+)/g)) if (!locals.has(m[1]!)) problems.push(`${dir}: local.${m[1]} is not defined`);

  const resources = new Set(collect(parsed, "resource").flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`)));
  const data = new Set(collect(parsed, "data").flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`)));
  for (const m of all.matchAll(/(?<![\w.])data\.(\w+)\.(\w+)/g))
    if (!data.has(`${m[1]}.${m[2]}`)) problems.push(`${dir}: data.${m[1]}.${m[2]} is not declared`);
  for (const m of all.matchAll(/(?<![\w.])((?:aws|random|helm|kubernetes)_\w+)\.(\w+)(?=[.\[\s,)}])/g)) {
    if (!resources.has(`${m[1]}.${m[2]}`)) problems.push(`${dir}: resource ${m[1]}.${m[2]} is referenced but not declared`);
  }

  const modules = new Map(collect(parsed, "module").map(([name, body]) => [name, (body as any[])[0] ?? {}]));
  for (const [name, body] of modules) {
    if (!moduleOutputs[body.source]) problems.push(`${dir}: module ${name}: source ${body.source} has no known output list`);
    if (!body.version && !String(body.source).startsWith(".")) problems.push(`${dir}: module ${name} pins no version`);
  }
  for (const m of all.matchAll(/\bmodule\.(\w+)\.(\w+)/g)) {
    const mod = modules.get(m[1]!);
    if (!mod) problems.push(`${dir}: module.${m[1]} is not declared`);
    else if (moduleOutputs[mod.source] && !moduleOutputs[mod.source]!.includes(m[2]!))
      problems.push(`${dir}: module ${m[1]} (${mod.source}) has no output ${m[2]}`);
  }

  for (const m of all.matchAll(/\b(?:file|templatefile)\("\$\{path\.module\}\/([^"]+)"/g)) {
    if (!existsSync(path.join(dir, m[1]!))) problems.push(`${dir}: file ${m[1]} does not exist`);
  }
  for (const [name, body] of collect(parsed, "output"))
    if ((body as any[])[0]?.value === undefined) problems.push(`${dir}: output ${name} has no value`);

  for (const file of tfvarsFiles) {
    const values = (await parse(path.basename(file), readFileSync(file, "utf8"))) as Parsed;
    for (const key of Object.keys(values)) if (!variables.has(key)) problems.push(`${file}: ${key} is not a variable of ${dir}`);
    for (const [name, body] of variables)
      if (body.default === undefined && !(name in values)) problems.push(`${file}: required variable ${name} is not set`);
  }
  return problems;
}

/** The S3 backend: declared (partial) in the root, and each environment's backend file locks with use_lockfile. */
export async function backendProblems(dir: string, backendFiles: string[]): Promise<string[]> {
  const { parsed } = await parseRoot(dir);
  const problems: string[] = [];
  const backends = parsed.flatMap((p) => ((p.terraform ?? []) as any[]).flatMap((t) => Object.keys(t.backend ?? {})));
  if (!backends.includes("s3")) problems.push(`${dir}: no s3 backend`);
  if (backendFiles.length === 0) problems.push(`${dir}: no environments/*.s3.tfbackend files`);
  for (const file of backendFiles) {
    const values = (await parse(path.basename(file), readFileSync(file, "utf8"))) as Parsed;
    for (const key of ["bucket", "key", "region"]) if (!values[key]) problems.push(`${file}: ${key} is not set`);
    if (values.use_lockfile !== true) problems.push(`${file}: use_lockfile is not true (state would not be locked)`);
    if (values.encrypt !== true) problems.push(`${file}: encrypt is not true`);
  }
  return problems;
}
