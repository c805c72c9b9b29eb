import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../support/kustomize/strategicMerge.ts";
import {
  containers,
  find,
  isApp,
  nameOf,
  podSpecOf,
  render,
  root,
  secretTemplate,
} from "./manifestSupport.ts";

const packageVersion = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version as string;
const envOf = (object: JsonObject, container: string): Record<string, unknown> => {
  const found = (podSpecOf(object)!.containers as JsonObject[]).find((c) => c.name === container)!;
  return Object.fromEntries((found.env as JsonObject[]).map((v) => [v.name, v.value ?? v.valueFrom]));
};
const replicas = (object: JsonObject) => (object.spec as JsonObject).replicas;
const configOf = (objects: JsonObject[]) =>
  (find(objects, "ConfigMap", "withme-config").data ?? {}) as Record<string, string>;

describe("the withme-secrets template", () => {
  const template = secretTemplate();
  const values = template.stringData as Record<string, string>;

  it("names every secret the platform reads, all empty", () => {
    expect(Object.keys(values).sort()).toEqual(
      [
        "CRON_TOKEN",
        "DATABASE_URL",
        "FAL_API_KEY",
        "OPENAI_API_KEY",
        "PINECONE_API_KEY",
        "SUPABASE_ANON_KEY",
        "SUPABASE_JWT_SECRET",
        "SUPABASE_SERVICE_ROLE_KEY",
        "VAPID_PRIVATE_KEY",
        "VAPID_PUBLIC_KEY",
        "WITHME_MASTER_KEY",
        "WITHME_OPERATIONS_TOKEN",
      ].sort(),
    );
    expect(Object.values(values).every((value) => value === "")).toBe(true);
    expect((template.metadata as JsonObject).name).toBe("withme-secrets");
  });

  it("stays out of the rendered manifests, so applying them never blanks real secrets", () => {
    for (const environment of ["kind", "production"]) {
      expect(
        render(environment)
          .filter((o) => o.kind === "Secret")
          .map(nameOf),
      ).not.toContain("withme-secrets");
    }
  });
});

describe("k8s/overlays/kind", () => {
  const objects = render("kind");

  it("runs one EventStoreDB node", () => {
    const eventStore = find(objects, "StatefulSet", "eventstoredb");
    expect(replicas(eventStore)).toBe(1);
    expect(envOf(eventStore, "eventstoredb").EVENTSTORE_CLUSTER_SIZE).toBe("1");
  });

  it("keeps PostgreSQL in the cluster on a persistent volume, and points the app at it", () => {
    const postgres = find(objects, "StatefulSet", "postgres");
    const claims = (postgres.spec as JsonObject).volumeClaimTemplates as JsonObject[];
    expect(claims.map((claim) => nameOf(claim))).toEqual(["data"]);
    const password = find(objects, "Secret", "withme-postgres").stringData as Record<string, string>;
    expect(new URL(password.DATABASE_URL!).password).toBe(password.POSTGRES_PASSWORD);
    expect(new URL(password.DATABASE_URL!).hostname).toBe(nameOf(find(objects, "Service", "postgres")));
    for (const { owner, container } of containers(objects).filter(isApp)) {
      expect(container.env, nameOf(owner)).toContainEqual({
        name: "DATABASE_URL",
        valueFrom: { secretKeyRef: { name: "withme-postgres", key: "DATABASE_URL" } },
      });
    }
  });

  it("uses the locally built image, a development config and a single API replica", () => {
    const images = containers(objects)
      .filter(isApp)
      .map(({ container }) => container.image);
    expect(new Set(images)).toEqual(new Set(["withme:dev"]));
    expect(configOf(objects).WITHME_ENV).toBe("development");
    expect(replicas(find(objects, "Deployment", "api"))).toBe(1);
  });

  it("shares one media volume between the pods that write and serve files", () => {
    for (const role of ["api", "projector", "worker"]) {
      const volumes = podSpecOf(find(objects, "Deployment", role))!.volumes as JsonObject[];
      expect(volumes.find((volume) => volume.name === "data")).toEqual({
        name: "data",
        persistentVolumeClaim: { claimName: "withme-media" },
      });
    }
    expect(find(objects, "PersistentVolumeClaim", "withme-media")).toBeDefined();
  });
});

describe("k8s/overlays/production", () => {
  const objects = render("production");

  it("runs a three-node EventStoreDB cluster found through its headless service", () => {
    const eventStore = find(objects, "StatefulSet", "eventstoredb");
    const env = envOf(eventStore, "eventstoredb");
    expect(replicas(eventStore)).toBe(3);
    expect(env.EVENTSTORE_CLUSTER_SIZE).toBe("3");
    expect(env.EVENTSTORE_DISCOVER_VIA_DNS).toBe("true");
    const headless = find(objects, "Service", "eventstoredb").spec as JsonObject;
    expect(headless.clusterIP).toBe("None");
    expect((eventStore.spec as JsonObject).serviceName).toBe(env.EVENTSTORE_CLUSTER_DNS);
    expect(new URL(configOf(objects).EVENTSTOREDB_URL!).hostname).toBe(env.EVENTSTORE_CLUSTER_DNS);
  });

  it("uses an external PostgreSQL from withme-secrets and Pinecone for memory", () => {
    expect(objects.filter((o) => nameOf(o) === "postgres")).toEqual([]);
    expect(configOf(objects).DATABASE_URL).toBeUndefined();
    expect(configOf(objects).PINECONE_INDEX).toBeTruthy();
    for (const { container } of containers(objects).filter(isApp)) {
      expect(container.envFrom).toContainEqual({ secretRef: { name: "withme-secrets" } });
    }
  });

  it("runs more API replicas, and the image version of package.json", () => {
    expect(replicas(find(objects, "Deployment", "api"))).toBeGreaterThan(2);
    const autoscaler = find(objects, "HorizontalPodAutoscaler", "api").spec as JsonObject;
    expect(autoscaler.minReplicas).toBe(replicas(find(objects, "Deployment", "api")));
    for (const { container } of containers(objects).filter(isApp)) {
      expect(String(container.image).endsWith(`/withme:${packageVersion}`)).toBe(true);
    }
  });
});
