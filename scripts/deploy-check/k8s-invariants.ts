// What issue 13 asks of every rendered overlay, beyond schema validity: each rule returns the problems it finds.
import type { K8sObject } from "./kustomize";

/* eslint-disable @typescript-eslint/no-explicit-any -- rendered YAML is untyped; each rule reads the fields it checks */
type Obj = K8sObject & { spec?: any; data?: any };

const clusterScoped = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "ClusterSecretStore"]);
// Readiness path each workload must expose, from the release artifacts' contract.
const readinessPath: Record<string, string> = { web: "/api/ready", realtime: "/ready", worker: "/ready" };

const id = (o: Obj) => `${o.kind}/${o.metadata.name}`;
const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

export function podSpecOf(o: Obj): any {
  if (o.kind === "Deployment") return o.spec?.template?.spec;
  if (o.kind === "Job") return o.spec?.template?.spec;
  return undefined;
}

/** Image references must pin a release: a registry path and a tag other than latest, or a digest. */
export function imageProblems(ref: string): string[] {
  if (/@sha256:[0-9a-f]{64}$/.test(ref)) return [];
  const tag = ref.match(/:([^/:]+)$/)?.[1];
  if (!tag) return [`image ${ref} has neither tag nor digest`];
  if (tag === "latest") return [`image ${ref} uses the mutable tag latest`];
  if (!ref.includes("/")) return [`image ${ref} names no registry (kustomize images: newName missing?)`];
  return [];
}

function securityProblems(o: Obj): string[] {
  const pod = podSpecOf(o);
  const p: string[] = [];
  if (pod?.securityContext?.runAsNonRoot !== true) p.push(`${id(o)}: pod securityContext.runAsNonRoot is not true`);
  if (pod?.securityContext?.seccompProfile?.type !== "RuntimeDefault") p.push(`${id(o)}: pod seccompProfile is not RuntimeDefault`);
  for (const c of [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])]) {
    const sc = c.securityContext ?? {};
    const where = `${id(o)} container ${c.name}`;
    if (sc.allowPrivilegeEscalation !== false) p.push(`${where}: allowPrivilegeEscalation is not false`);
    if (sc.readOnlyRootFilesystem !== true) p.push(`${where}: readOnlyRootFilesystem is not true`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) p.push(`${where}: capabilities do not drop ALL`);
    if (sc.runAsNonRoot === false) p.push(`${where}: runAsNonRoot is false`);
    if (sc.privileged) p.push(`${where}: privileged`);
    const tmp = (c.volumeMounts ?? []).find((m: any) => m.mountPath === "/tmp");
    const vol = tmp && (pod.volumes ?? []).find((v: any) => v.name === tmp.name);
    if (!vol?.emptyDir) p.push(`${where}: no emptyDir at /tmp (the root file system is read-only)`);
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory)
      p.push(`${where}: resources need cpu and memory requests and a memory limit`);
    p.push(...imageProblems(String(c.image)).map((m) => `${where}: ${m}`));
  }
  return p;
}

function deploymentProblems(d: Obj, all: Obj[]): string[] {
  const p: string[] = [];
  const pod = d.spec?.template?.spec;
  const labels = d.spec?.template?.metadata?.labels;
  const role = d.metadata.name.replace(/^tasklane-/, "");
  if (d.spec?.replicas !== undefined) p.push(`${id(d)}: sets replicas, which fights its HPA`);
  const hpa = all.find(
    (o) =>
      o.kind === "HorizontalPodAutoscaler" &&
      o.spec?.scaleTargetRef?.kind === "Deployment" &&
      o.spec?.scaleTargetRef?.name === d.metadata.name,
  );
  if (!hpa) p.push(`${id(d)}: no HorizontalPodAutoscaler targets it`);
  else if (!(hpa.spec.minReplicas >= 1) || !(hpa.spec.maxReplicas >= hpa.spec.minReplicas))
    p.push(`${id(hpa)}: min/max replicas inconsistent`);
  if (!all.some((o) => o.kind === "PodDisruptionBudget" && matches(o.spec?.selector?.matchLabels, labels)))
    p.push(`${id(d)}: no PodDisruptionBudget selects its pods`);
  if (!matches(d.spec?.selector?.matchLabels, labels)) p.push(`${id(d)}: selector does not match the pod template's labels`);
  if (!(pod?.topologySpreadConstraints?.length > 0)) p.push(`${id(d)}: no topologySpreadConstraints`);
  for (const t of pod?.topologySpreadConstraints ?? [])
    if (!matches(t.labelSelector?.matchLabels, labels)) p.push(`${id(d)}: a topology spread constraint does not select its own pods`);
  for (const c of pod?.containers ?? []) {
    const where = `${id(d)} container ${c.name}`;
    const ports = new Set((c.ports ?? []).flatMap((port: any) => [port.name, port.containerPort]));
    for (const kind of ["startupProbe", "readinessProbe", "livenessProbe"]) {
      const probe = c[kind];
      if (!probe?.httpGet) p.push(`${where}: no HTTP ${kind}`);
      else if (!ports.has(probe.httpGet.port)) p.push(`${where}: ${kind} port ${probe.httpGet.port} is not a container port`);
    }
    if (readinessPath[role] && c.readinessProbe?.httpGet?.path !== readinessPath[role])
      p.push(`${where}: readiness must probe ${readinessPath[role]}`);
    if (c.livenessProbe?.httpGet?.path === c.readinessProbe?.httpGet?.path)
      p.push(`${where}: liveness probes the readiness path (a database outage would restart every pod)`);
    if (!c.lifecycle?.preStop) p.push(`${where}: no preStop hook (rollouts would drop requests)`);
    const preStop = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
    if (preStop >= (pod.terminationGracePeriodSeconds ?? 30)) p.push(`${where}: preStop sleep does not fit in the grace period`);
    const env = new Map((c.env ?? []).map((e: any) => [e.name, e.value]));
    if (role === "web" && env.get("RUN_WORKERS") !== "false") p.push(`${where}: web pods must run with RUN_WORKERS=false`);
  }
  const annotations = d.spec?.template?.metadata?.annotations ?? {};
  if (
    role === "web" &&
    !all.some(
      (o) =>
        o.kind === "Ingress" &&
        (o.spec?.rules ?? []).some((r: any) =>
          (r.http?.paths ?? []).some((x: any) => x.path === "/api/metrics" && x.backend?.service?.port?.name === "use-annotation"),
        ),
    )
  )
    p.push(`${id(d)}: /api/metrics is not blocked at the Ingress`);
  if (annotations["prometheus.io/scrape"] !== "true") p.push(`${id(d)}: no prometheus.io/scrape annotation`);
  return p;
}

function referenceProblems(all: Obj[]): string[] {
  const p: string[] = [];
  const configMaps = new Set(all.filter((o) => o.kind === "ConfigMap").map((o) => o.metadata.name));
  const secrets = new Set([
    ...all.filter((o) => o.kind === "Secret").map((o) => o.metadata.name),
    ...all.filter((o) => o.kind === "ExternalSecret").map((o) => o.spec?.target?.name ?? o.metadata.name),
  ]);
  const accounts = new Set(all.filter((o) => o.kind === "ServiceAccount").map((o) => o.metadata.name));
  for (const o of all) {
    const pod = podSpecOf(o);
    if (!pod) continue;
    if (pod.serviceAccountName && !accounts.has(pod.serviceAccountName))
      p.push(`${id(o)}: service account ${pod.serviceAccountName} is not defined`);
    for (const c of pod.containers ?? []) {
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef && !configMaps.has(from.configMapRef.name))
          p.push(`${id(o)}: ConfigMap ${from.configMapRef.name} is not defined`);
        if (from.secretRef && !secrets.has(from.secretRef.name))
          p.push(`${id(o)}: Secret ${from.secretRef.name} is neither defined nor built by an ExternalSecret`);
      }
    }
  }
  return p;
}

function ingressProblems(all: Obj[]): string[] {
  const p: string[] = [];
  const ingresses = all.filter((o) => o.kind === "Ingress");
  if (ingresses.length === 0) p.push("no Ingress");
  for (const ing of ingresses) {
    const a = ing.metadata.annotations as Record<string, string> | undefined;
    if (ing.spec?.ingressClassName !== "alb") p.push(`${id(ing)}: ingressClassName is not alb`);
    if (!a?.["alb.ingress.kubernetes.io/certificate-arn"]?.startsWith("arn:aws:acm:"))
      p.push(`${id(ing)}: no ACM certificate-arn annotation`);
    if (!(ing.spec?.tls?.length > 0)) p.push(`${id(ing)}: no tls section`);
    const hosts = (ing.spec?.rules ?? []).map((r: any) => r.host);
    for (const h of hosts)
      if (!(ing.spec?.tls ?? []).some((t: any) => (t.hosts ?? []).includes(h))) p.push(`${id(ing)}: host ${h} is not covered by tls`);
    for (const rule of ing.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend?.service;
        if (backend?.port?.name === "use-annotation") {
          if (!a?.[`alb.ingress.kubernetes.io/actions.${backend.name}`])
            p.push(`${id(ing)}: action ${backend.name} has no actions annotation`);
          continue;
        }
        const svc = all.find((o) => o.kind === "Service" && o.metadata.name === backend?.name);
        if (!svc) {
          p.push(`${id(ing)}: backend service ${backend?.name} is not defined`);
          continue;
        }
        if (!(svc.spec?.ports ?? []).some((port: any) => port.name === backend.port?.name || port.number === backend.port?.number))
          p.push(`${id(ing)}: service ${svc.metadata.name} has no port ${JSON.stringify(backend.port)}`);
        const deployment = all.find((o) => o.kind === "Deployment" && matches(svc.spec?.selector, o.spec?.template?.metadata?.labels));
        if (!deployment) {
          p.push(`${id(svc)}: selects no Deployment's pods`);
          continue;
        }
        const ready = deployment.spec.template.spec.containers[0]?.readinessProbe?.httpGet?.path;
        const hc = (svc.metadata.annotations as Record<string, string> | undefined)?.["alb.ingress.kubernetes.io/healthcheck-path"];
        if (hc !== ready) p.push(`${id(svc)}: ALB health-check path ${hc} is not the pods' readiness path ${ready}`);
        if (path.path === "/socket.io") {
          const attrs =
            (svc.metadata.annotations as Record<string, string> | undefined)?.["alb.ingress.kubernetes.io/target-group-attributes"] ?? "";
          if (!attrs.includes("stickiness.enabled=true")) p.push(`${id(svc)}: Socket.IO's polling fallback needs a sticky target group`);
        }
      }
    }
  }
  return p;
}

function secretProblems(all: Obj[]): string[] {
  const app = all.find((o) => o.kind === "ExternalSecret" && (o.spec?.target?.name ?? o.metadata.name) === "tasklane-secrets");
  if (!app) return ["no ExternalSecret builds tasklane-secrets"];
  const template: Record<string, string> = app.spec?.target?.template?.data ?? {};
  const p: string[] = [];
  for (const key of ["DATABASE_URL", "DATABASE_REPLICA_URL", "REDIS_URL", "AUTH_SECRET"])
    if (!template[key]) p.push(`${id(app)}: does not build ${key}`);
  if (template.REDIS_URL && !template.REDIS_URL.startsWith("rediss://"))
    p.push(`${id(app)}: REDIS_URL must be rediss:// (ElastiCache in-transit encryption)`);
  const store = app.spec?.secretStoreRef;
  if (!all.some((o) => o.kind === (store?.kind ?? "SecretStore") && o.metadata.name === store?.name))
    p.push(`${id(app)}: secret store ${store?.name} is not defined`);
  return p;
}

function namespaceProblems(all: Obj[]): string[] {
  const p: string[] = [];
  const namespaces = all.filter((o) => o.kind === "Namespace");
  const names = new Set(namespaces.map((o) => o.metadata.name));
  for (const o of all) {
    if (clusterScoped.has(o.kind)) continue;
    if (!o.metadata.namespace) p.push(`${id(o)}: no namespace`);
    else if (o.metadata.namespace === "default") p.push(`${id(o)}: in the default namespace`);
    else if (!names.has(o.metadata.namespace)) p.push(`${id(o)}: namespace ${o.metadata.namespace} is not defined in this overlay`);
  }
  for (const ns of namespaces) {
    if ((ns.metadata.labels as Record<string, string> | undefined)?.["pod-security.kubernetes.io/enforce"] !== "restricted")
      p.push(`${id(ns)}: does not enforce the restricted pod security standard`);
  }
  return p;
}

/** The whole rule set for one rendered overlay (the application objects). */
export function overlayProblems(all: Obj[]): string[] {
  const deployments = all.filter((o) => o.kind === "Deployment");
  const names = deployments.map((d) => d.metadata.name).sort();
  const p: string[] = [];
  for (const expected of ["tasklane-realtime", "tasklane-web", "tasklane-worker"])
    if (!names.includes(expected)) p.push(`Deployment/${expected} is missing`);
  for (const d of deployments) p.push(...deploymentProblems(d, all), ...securityProblems(d));
  for (const pdb of all.filter((o) => o.kind === "PodDisruptionBudget")) {
    if (!deployments.some((d) => matches(pdb.spec?.selector?.matchLabels, d.spec?.template?.metadata?.labels)))
      p.push(`${id(pdb)}: selects no Deployment's pods`);
  }
  p.push(...referenceProblems(all), ...ingressProblems(all), ...secretProblems(all), ...namespaceProblems(all));
  return p;
}

/** The per-release migration Job. */
export function migrationProblems(all: Obj[], baseName = "tasklane-migrate"): string[] {
  const jobs = all.filter((o) => o.kind === "Job");
  if (jobs.length !== 1) return [`expected one migration Job, found ${jobs.length}`];
  const job = jobs[0]!;
  const p = securityProblems(job);
  if (job.metadata.name === baseName) p.push(`${id(job)}: needs a per-release name (nameSuffix)`);
  if (!job.metadata.namespace || job.metadata.namespace === "default") p.push(`${id(job)}: no namespace`);
  const command = job.spec?.template?.spec?.containers?.[0]?.command ?? [];
  if (!command.join(" ").includes("migrate")) p.push(`${id(job)}: does not run the migration command`);
  if (job.spec?.template?.spec?.restartPolicy !== "Never") p.push(`${id(job)}: restartPolicy should be Never (the Job retries)`);
  return p;
}
