import path from "node:path";
import { describe, expect, it } from "vitest";
import { overlayProblems } from "@/scripts/deploy-check/k8s-invariants";
import { build, type K8sObject } from "@/scripts/deploy-check/kustomize";

const production = () => build(path.resolve(import.meta.dirname, "../../deploy/k8s/overlays/production"));
const deployment = (objects: K8sObject[], name: string) => objects.find((o) => o.kind === "Deployment" && o.metadata.name === name) as any;

describe("npm run check:deploy invariants", () => {
  it("passes the production overlay as committed", () => {
    expect(overlayProblems(production())).toEqual([]);
  });

  it("refuses fixed replicas, a missing preStop, a mutable tag, a root container and a readiness probe on the liveness path", () => {
    const objects = production();
    const web = deployment(objects, "tasklane-web");
    web.spec.replicas = 3;
    const c = web.spec.template.spec.containers[0];
    delete c.lifecycle;
    c.image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/tasklane-web:latest";
    c.securityContext.readOnlyRootFilesystem = false;
    deployment(objects, "tasklane-realtime").spec.template.spec.containers[0].readinessProbe.httpGet.path = "/health";
    const problems = overlayProblems(objects).join("\n");
    expect(problems).toContain("Deployment/tasklane-web: sets replicas");
    expect(problems).toContain("no preStop hook");
    expect(problems).toContain("mutable tag latest");
    expect(problems).toContain("readOnlyRootFilesystem is not true");
    expect(problems).toContain("readiness must probe /ready");
  });

  it("refuses a Deployment without a PDB or HPA, and a namespace-less object", () => {
    const objects = production().filter(
      (o) => !(o.metadata.name === "tasklane-worker" && (o.kind === "PodDisruptionBudget" || o.kind === "HorizontalPodAutoscaler")),
    );
    delete (objects.find((o) => o.kind === "ConfigMap") as any).metadata.namespace;
    const problems = overlayProblems(objects).join("\n");
    expect(problems).toContain("Deployment/tasklane-worker: no HorizontalPodAutoscaler targets it");
    expect(problems).toContain("Deployment/tasklane-worker: no PodDisruptionBudget selects its pods");
    expect(problems).toContain("ConfigMap/tasklane-config: no namespace");
  });
});
