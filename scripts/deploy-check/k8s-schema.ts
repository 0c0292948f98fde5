// Validates rendered objects against the Kubernetes (and CRD) JSON schemas that the kubernetes-models packages ship.
import type { K8sObject } from "./kustomize";

type Model = { new (data: unknown): { validate(): void } };

// apiVersion group → the package folder that holds its models.
function modulePath(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "external-secrets.io") return `@kubernetes-models/external-secrets/external-secrets.io/${version}/${kind}`;
  if (group === "monitoring.coreos.com") return `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${version}/${kind}`;
  return group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
}

export async function schemaProblems(objects: K8sObject[]): Promise<string[]> {
  const problems: string[] = [];
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata?.name}`;
    let model: Model;
    try {
      const mod = (await import(modulePath(o.apiVersion, o.kind))) as Record<string, Model>;
      model = mod[o.kind] ?? (mod.default as Model);
    } catch {
      problems.push(`${id}: no schema for ${o.apiVersion} ${o.kind}`);
      continue;
    }
    try {
      new model(o).validate();
    } catch (error) {
      problems.push(`${id}: ${(error as Error).message}`);
    }
  }
  return problems;
}
