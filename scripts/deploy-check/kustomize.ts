// The subset of kustomize our manifests use, so CI renders the overlays without a kustomize binary: resources (files
// and directories), namespace, nameSuffix, images (newName, newTag, digest) and strategic-merge patches by kind and
// name. Where kubectl is on the PATH, main.ts renders with `kubectl kustomize` too and demands the same objects, so
// this file cannot quietly drift from the real thing.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [k: string]: unknown };
  [k: string]: unknown;
};

type Kustomization = {
  namespace?: string;
  nameSuffix?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  patches?: { path: string }[];
};

const supported = new Set(["apiVersion", "kind", "namespace", "nameSuffix", "resources", "images", "patches"]);
// Kinds without a namespace among those we use.
const clusterScoped = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "ClusterSecretStore", "CustomResourceDefinition"]);

export function readYamlObjects(file: string): K8sObject[] {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  return docs.flatMap((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
    const value = doc.toJSON() as K8sObject | null;
    return value ? [value] : [];
  });
}

export function build(dir: string): K8sObject[] {
  const file = path.join(dir, "kustomization.yaml");
  if (!existsSync(file)) throw new Error(`${dir}: no kustomization.yaml`);
  const k = readYamlObjects(file)[0] as unknown as Kustomization;
  const unknown = Object.keys(k).filter((key) => !supported.has(key));
  if (unknown.length > 0) throw new Error(`${file}: fields this renderer does not implement: ${unknown.join(", ")}`);

  let objects = (k.resources ?? []).flatMap((r) => {
    const target = path.resolve(dir, r);
    return statSync(target).isDirectory() ? build(target) : readYamlObjects(target);
  });
  for (const p of k.patches ?? []) {
    for (const patch of readYamlObjects(path.resolve(dir, p.path))) objects = applyPatch(objects, patch, p.path);
  }
  if (k.nameSuffix)
    objects = objects.map((o) =>
      o.kind === "Namespace" ? o : { ...o, metadata: { ...o.metadata, name: o.metadata.name + k.nameSuffix } },
    );
  if (k.namespace) {
    const ns = k.namespace;
    objects = objects.map((o) => (clusterScoped.has(o.kind) ? o : { ...o, metadata: { ...o.metadata, namespace: ns } }));
  }
  for (const image of k.images ?? []) objects = objects.map((o) => setImage(o, image));
  return objects;
}

function applyPatch(objects: K8sObject[], patch: K8sObject, source: string): K8sObject[] {
  let hit = false;
  const out = objects.map((o) => {
    if (o.kind !== patch.kind || o.metadata.name !== patch.metadata.name) return o;
    hit = true;
    return merge(o, patch) as K8sObject;
  });
  if (!hit) throw new Error(`${source}: patch for ${patch.kind}/${patch.metadata.name} matches no resource`);
  return out;
}

// Strategic merge as far as our patches need it: maps merge, lists of named items (containers, env, volumes) merge
// by name, every other list is replaced, null deletes.
export function merge(base: unknown, patch: unknown): unknown {
  if (patch === null) return undefined;
  if (Array.isArray(patch)) {
    if (!Array.isArray(base) || !patch.every(isNamed) || !base.every(isNamed)) return patch;
    const result = base.map((item) => {
      const p = patch.find((q) => q.name === item.name);
      return p ? merge(item, p) : item;
    });
    for (const p of patch) if (!base.some((item) => item.name === p.name)) result.push(p);
    return result;
  }
  if (isObject(patch) && isObject(base)) {
    const result: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      const merged = merge(base[key], value);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    }
    return result;
  }
  return patch;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isNamed(v: unknown): v is { name: string } {
  return isObject(v) && typeof v.name === "string";
}

// kustomize's image transformer: every containers[].image / initContainers[].image whose name matches.
function setImage(o: K8sObject, image: NonNullable<Kustomization["images"]>[number]): K8sObject {
  const visit = (node: unknown, key?: string): unknown => {
    if (Array.isArray(node)) {
      if (key === "containers" || key === "initContainers")
        return node.map((c) => (isObject(c) && typeof c.image === "string" ? { ...c, image: rewrite(c.image) } : c));
      return node.map((n) => visit(n));
    }
    if (isObject(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v, k)]));
    return node;
  };
  const rewrite = (ref: string) => {
    const name = ref.split("@")[0]!.replace(/:[^/:]+$/, "");
    if (name !== image.name) return ref;
    const oldTag = ref.match(/:([^/:@]+)(@|$)/)?.[1];
    const repo = image.newName ?? name;
    if (image.digest) return `${repo}@${image.digest}`;
    const tag = image.newTag ?? oldTag;
    return tag ? `${repo}:${tag}` : repo;
  };
  return visit(o) as K8sObject;
}
