import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import type { JsonObject } from "../support/kustomize/strategicMerge.ts";
import {
  awaitingConfig,
  configReads,
  containers,
  designRoutes,
  environments,
  find,
  isApp,
  nameOf,
  podSpecOf,
  render,
  secretTemplate,
  validateObject,
} from "./manifestSupport.ts";

const secretNames = Object.keys(secretTemplate().stringData as JsonObject);

describe.each(environments)("k8s/overlays/%s", (environment) => {
  const objects = render(environment);
  const config = (find(objects, "ConfigMap", "withme-config").data ?? {}) as Record<string, string>;
  const apps = containers(objects).filter(isApp);

  it("renders objects that are valid against the Kubernetes schema of their kind", () => {
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) {
      expect(() => validateObject(object), `${object.kind} ${nameOf(object)}`).not.toThrow();
    }
  });

  it("puts every namespaced object in the withme namespace", () => {
    for (const object of objects.filter((o) => o.kind !== "Namespace")) {
      expect((object.metadata as JsonObject).namespace, `${object.kind} ${nameOf(object)}`).toBe("withme");
    }
  });

  it("probes the API on routes it serves: readiness /ready, liveness /health", () => {
    const routes = designRoutes();
    const api = apps.find(({ owner }) => nameOf(owner) === "api")!.container;
    const path = (probe: string) => ((api[probe] as JsonObject).httpGet as JsonObject).path as string;
    expect(path("readinessProbe")).toBe("/ready");
    expect(path("livenessProbe")).toBe("/health");
    for (const probe of ["readinessProbe", "livenessProbe", "startupProbe"]) {
      expect(routes).toContain(path(probe));
    }
    expect(((api.ports as JsonObject[])[0] as JsonObject).containerPort).toBe(Number(config.PORT));
  });

  it.each(["projector", "worker"])(
    "probes the %s on HEALTH_PORT: readiness /ready, liveness /health",
    (role) => {
      const { container } = apps.find(({ owner }) => nameOf(owner) === role)!;
      const env = Object.fromEntries(
        ((container.env as JsonObject[] | undefined) ?? []).map((v) => [v.name, v.value]),
      );
      const healthPort = (container.ports as JsonObject[]).find((port) => port.name === "health");
      expect(healthPort?.containerPort).toBe(Number(env.HEALTH_PORT));
      expect(loadConfig({ HEALTH_PORT: String(env.HEALTH_PORT) }, { envFile: false }).HEALTH_PORT).toBe(
        healthPort?.containerPort,
      );
      const probe = (name: string) => (container[name] as JsonObject).httpGet as JsonObject;
      expect(probe("readinessProbe")).toEqual({ path: "/ready", port: "health" });
      expect(probe("livenessProbe")).toEqual({ path: "/health", port: "health" });
      expect(probe("startupProbe")).toEqual({ path: "/health", port: "health" });
    },
  );

  it("runs each role from the same image with its own argument", () => {
    const roles = Object.fromEntries(apps.map(({ owner, container }) => [nameOf(owner), container.args]));
    expect(roles).toEqual({ api: ["api"], projector: ["projector"], worker: ["worker"] });
    expect(new Set(apps.map(({ container }) => container.image)).size).toBe(1);
    for (const { container } of containers(objects)) {
      expect(String(container.image), "pinned, never latest").toMatch(/:[\w.-]+$/);
      expect(String(container.image)).not.toMatch(/:latest$/);
    }
  });

  it("gives the app only variables the config module reads", () => {
    const names = new Set([...Object.keys(config), ...secretNames]);
    for (const { container } of apps) {
      for (const variable of (container.env as JsonObject[] | undefined) ?? [])
        names.add(String(variable.name));
    }
    const unknown = [...names].filter((name) => !configReads(name) && !awaitingConfig.includes(name));
    expect(unknown).toEqual([]);
    expect(Object.keys(config).filter((name) => secretNames.includes(name))).toEqual([]);
  });

  it("has config values the config module accepts once the secrets are filled in", () => {
    const secrets = { DATABASE_URL: "postgres://withme:secret@db:5432/withme", SUPABASE_JWT_SECRET: "s" };
    expect(() => loadConfig({ ...config, ...secrets }, { envFile: false })).not.toThrow();
  });

  it("reads config and secrets that exist", () => {
    const secrets = new Set(["withme-secrets", ...objects.filter((o) => o.kind === "Secret").map(nameOf)]);
    const configMaps = new Set(objects.filter((o) => o.kind === "ConfigMap").map(nameOf));
    for (const { container } of containers(objects)) {
      for (const source of (container.envFrom as JsonObject[] | undefined) ?? []) {
        if (source.secretRef) expect(secrets).toContain((source.secretRef as JsonObject).name);
        if (source.configMapRef) expect(configMaps).toContain((source.configMapRef as JsonObject).name);
      }
      for (const variable of (container.env as JsonObject[] | undefined) ?? []) {
        const reference = (variable.valueFrom as JsonObject | undefined)?.secretKeyRef as
          | JsonObject
          | undefined;
        if (reference?.name === "withme-secrets") expect(secretNames).toContain(reference.key);
        else if (reference) expect(secrets).toContain(reference.name);
      }
    }
  });

  it("expands $(NAME) in env only from variables defined before it", () => {
    for (const { container } of containers(objects)) {
      const env = (container.env as JsonObject[] | undefined) ?? [];
      env.forEach((variable, index) => {
        for (const [, name] of String(variable.value ?? "").matchAll(/\$\((\w+)\)/g)) {
          expect(env.slice(0, index).map((earlier) => earlier.name)).toContain(name);
        }
      });
    }
  });

  it("runs every container as non-root without privilege escalation or capabilities", () => {
    for (const { owner, pod, container } of containers(objects)) {
      const label = `${owner.kind} ${nameOf(owner)}`;
      const podContext = (pod.securityContext ?? {}) as JsonObject;
      const context = container.securityContext as JsonObject;
      expect(podContext.runAsNonRoot, label).toBe(true);
      expect(podContext.runAsUser, label).not.toBe(0);
      expect(context.allowPrivilegeEscalation, label).toBe(false);
      expect(context.readOnlyRootFilesystem, label).toBe(true);
      expect((context.capabilities as JsonObject).drop, label).toEqual(["ALL"]);
      expect(((container.resources as JsonObject).requests as JsonObject).memory, label).toBeDefined();
    }
  });

  it("matches selectors to pod labels, and services to named ports", () => {
    const pods = objects.filter((o) => podSpecOf(o) && o.kind !== "CronJob");
    for (const owner of pods) {
      const selector = ((owner.spec as JsonObject).selector as JsonObject).matchLabels as JsonObject;
      const labels = (((owner.spec as JsonObject).template as JsonObject).metadata as JsonObject).labels;
      expect(labels).toMatchObject(selector);
    }
    for (const service of objects.filter((o) => o.kind === "Service")) {
      const spec = service.spec as JsonObject;
      const target = pods.find((owner) => {
        const labels = (((owner.spec as JsonObject).template as JsonObject).metadata as JsonObject).labels;
        return Object.entries(spec.selector as JsonObject).every(([k, v]) => (labels as JsonObject)[k] === v);
      });
      expect(target, `a workload behind Service ${nameOf(service)}`).toBeDefined();
      const names = containers([target!]).flatMap(({ container }) =>
        ((container.ports as JsonObject[]) ?? []).map((port) => port.name),
      );
      for (const port of spec.ports as JsonObject[]) expect(names).toContain(port.targetPort);
    }
  });

  it("ticks the scheduler every five minutes with the cron token", () => {
    const cron = find(objects, "CronJob", "scheduler-tick");
    expect((cron.spec as JsonObject).schedule).toBe("*/5 * * * *");
    const tick = (podSpecOf(cron)!.containers as JsonObject[])[0]!;
    const args = tick.args as string[];
    expect(args[args.indexOf("--request") + 1]).toBe("POST");
    expect(args[args.indexOf("--header") + 1]).toBe("Authorization: Bearer $(CRON_TOKEN)");
    expect(new URL(args.at(-1)!).pathname).toBe("/internal/scheduler/tick");
    expect(new URL(args.at(-1)!).hostname).toBe(nameOf(find(objects, "Service", "api")));
    expect(tick.env).toContainEqual({
      name: "CRON_TOKEN",
      valueFrom: { secretKeyRef: { name: "withme-secrets", key: "CRON_TOKEN" } },
    });
  });

  it("routes both hosts to the API through NGINX with WebSocket-friendly timeouts", () => {
    const ingress = find(objects, "Ingress", "withme");
    const annotations = (ingress.metadata as JsonObject).annotations as Record<string, string>;
    expect(annotations["nginx.ingress.kubernetes.io/proxy-http-version"]).toBe("1.1");
    expect(Number(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"])).toBeGreaterThanOrEqual(
      3600,
    );
    expect(Number(annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"])).toBeGreaterThanOrEqual(
      3600,
    );
    const spec = ingress.spec as JsonObject;
    expect(spec.ingressClassName).toBe("nginx");
    const rules = spec.rules as JsonObject[];
    expect(rules.map((rule) => rule.host)).toEqual(["withme.apps.redkube.io", "api.withme.local"]);
    for (const rule of rules) {
      const backend = (((rule.http as JsonObject).paths as JsonObject[])[0]!.backend as JsonObject)
        .service as JsonObject;
      expect(backend).toEqual({ name: "api", port: { name: "http" } });
    }
  });
});
