import { readFileSync } from "node:fs";
import path from "node:path";
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { CronJob } from "kubernetes-models/batch/v1";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service } from "kubernetes-models/v1";
import { ConfigError, loadConfig } from "../../src/config/config.ts";
import { readYamlDocuments, renderKustomization } from "../support/kustomize/render.ts";
import { isObject, type JsonObject } from "../support/kustomize/strategicMerge.ts";

export const root = path.resolve(import.meta.dirname, "../..");
export const environments = ["kind", "production"] as const;
export const appImage = "withme";

export const render = (environment: string): JsonObject[] =>
  renderKustomization(path.join(root, "k8s/overlays", environment));

export const secretTemplate = (): JsonObject =>
  readYamlDocuments(path.join(root, "k8s/base/secrets.template.yaml"))[0]!;

/** Names of the web push keys: in the secret template already, not read by the config module yet. */
export const awaitingConfig = ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY"];

type Validatable = new (data: never) => { validate(): void };
const models: Record<string, Validatable> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "v1/PersistentVolumeClaim": PersistentVolumeClaim,
  "apps/v1/Deployment": Deployment,
  "apps/v1/StatefulSet": StatefulSet,
  "batch/v1/CronJob": CronJob,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "networking.k8s.io/v1/Ingress": Ingress,
};

/** Throws with the schema's complaint when the object is not a valid instance of its kind. */
export function validateObject(object: JsonObject): void {
  const Model = models[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}: add it to the table`);
  new Model(object as never).validate();
}

export const nameOf = (object: JsonObject): string => String((object.metadata as JsonObject).name);

export function find(objects: JsonObject[], kind: string, name: string): JsonObject {
  const found = objects.find((object) => object.kind === kind && nameOf(object) === name);
  if (!found) throw new Error(`no ${kind} named ${name}`);
  return found;
}

/** The pod spec inside a Deployment, StatefulSet or CronJob. */
export function podSpecOf(object: JsonObject): JsonObject | undefined {
  const spec = object.spec as JsonObject | undefined;
  if (object.kind === "CronJob") {
    return (((spec!.jobTemplate as JsonObject).spec as JsonObject).template as JsonObject).spec as JsonObject;
  }
  const template = spec?.template;
  return isObject(template) ? (template.spec as JsonObject) : undefined;
}

export interface Workload {
  owner: JsonObject;
  pod: JsonObject;
  container: JsonObject;
}

export function containers(objects: JsonObject[]): Workload[] {
  return objects.flatMap((owner) => {
    const pod = podSpecOf(owner);
    if (!pod) return [];
    return [...((pod.initContainers as JsonObject[]) ?? []), ...(pod.containers as JsonObject[])].map(
      (container) => ({ owner, pod, container }),
    );
  });
}

export const isApp = ({ container }: Workload): boolean =>
  String(container.image).split(":")[0]!.split("/").at(-1) === appImage;

/** Whether the config module reads the variable: a known name survives parsing, an unknown one is dropped. */
export function configReads(name: string): boolean {
  try {
    return name in loadConfig({ [name]: "" }, { envFile: false });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.some((problem) => problem.startsWith(`${name}:`));
    throw error;
  }
}

/** The HTTP routes DESIGN.md lists for the server (`/health`, `/ready`, …). */
export function designRoutes(): string[] {
  const design = readFileSync(path.join(root, "DESIGN.md"), "utf8");
  const bullet = /^- HTTP:([\s\S]*?)(?=^- |^#)/m.exec(design)?.[1] ?? "";
  return [...bullet.matchAll(/`(?:[A-Z/]+ |ws )?(\/[^`\s]*)`/g)].map((match) => match[1]!);
}
