import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import type { JsonObject } from "../support/kustomize/strategicMerge.ts";
import { containers, designRoutes, isApp, render, root } from "./manifestSupport.ts";

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let pending = "";
  for (const line of text.split("\n")) {
    if (!pending && (line.trim() === "" || line.trimStart().startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${pending}${line.trim()}`);
    pending = "";
  }
  return logical.map((line) => {
    const [keyword = "", ...rest] = line.split(" ");
    return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
  });
}

function stages(instructions: Instruction[]): Instruction[][] {
  const result: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === "FROM") result.push([]);
    result.at(-1)?.push(instruction);
  }
  return result;
}

const instructions = parseDockerfile(readFileSync(path.join(root, "Dockerfile"), "utf8"));
const [build = [], runtime = []] = stages(instructions);
const all = (stage: Instruction[], keyword: string) =>
  stage.filter((i) => i.keyword === keyword).map((i) => i.args);
const last = (stage: Instruction[], keyword: string) => all(stage, keyword).at(-1) ?? "";
const packageJson = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const appPods = containers(render("production")).filter(isApp);

describe("Dockerfile", () => {
  it("builds in two stages on Node 24 slim", () => {
    expect(stages(instructions)).toHaveLength(2);
    expect(all(instructions, "FROM")).toEqual(["node:24-slim AS build", "node:24-slim AS runtime"]);
  });

  it("builds the web client with every dependency, then installs production dependencies only", () => {
    expect(all(build, "RUN")).toEqual(["npm ci", "npm run build"]);
    expect(packageJson.scripts.build).toBeDefined();
    const installs = all(runtime, "RUN").filter((run) => run.includes("npm ci"));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/npm ci --omit=dev/);
    expect(all(runtime, "RUN").join(" ")).not.toMatch(/npm run build/);
  });

  it("ships the sources, projections, schema and the built client", () => {
    expect(all(runtime, "COPY")).toEqual(
      expect.arrayContaining([
        "src ./src",
        "projections ./projections",
        "schema.graphql ./",
        "--from=build /app/client/dist ./client/dist",
      ]),
    );
  });

  it("runs in production mode as the same non-root user the pods use", () => {
    const env = last(runtime, "ENV");
    expect(env).toContain("NODE_ENV=production");
    expect(env).toContain("WITHME_ENV=production");
    const [user, group] = last(runtime, "USER").split(":");
    expect(["root", "0", ""]).not.toContain(user);
    for (const { pod } of appPods) {
      const context = pod.securityContext as JsonObject;
      expect(String(context.runAsUser)).toBe(user);
      expect(String(context.runAsGroup)).toBe(group);
    }
    const dataDir = /WITHME_DATA_DIR=(\S+)/.exec(env)?.[1];
    for (const { container } of appPods) {
      expect((container.volumeMounts as JsonObject[]).map((mount) => mount.mountPath)).toContain(dataDir);
    }
  });

  it("exposes the configured default port and checks health on a route the server has", () => {
    expect(last(runtime, "EXPOSE")).toBe(String(loadConfig({}, { envFile: false }).PORT));
    const healthcheck = last(runtime, "HEALTHCHECK");
    expect(healthcheck).toMatch(/CMD \["node", "-e", ".*fetch\(/);
    const route = /(\/[\w/]+)'\)/.exec(healthcheck)?.[1];
    expect(route).toBe("/health");
    expect(designRoutes()).toContain(route);
  });

  it("starts `node src/main.ts all` with the same node flags as npm start, the bin and the benchmarks", () => {
    const entrypoint: string[] = JSON.parse(last(runtime, "ENTRYPOINT"));
    expect(entrypoint.at(0)).toBe("node");
    expect(entrypoint.at(-1)).toBe("src/main.ts");
    const flags = entrypoint.slice(1, -1).join(" ");
    expect(flags).toMatch(/--max-semi-space-size=\d+/);
    expect(JSON.parse(last(runtime, "CMD"))).toEqual(["all"]);
    expect(packageJson.scripts.start).toBe(`npm run build && node ${flags} src/main.ts all`);
    for (const script of ["dev", "withme", "doctor", "schema"])
      expect(packageJson.scripts[script]).toMatch(new RegExp(`^node ${flags} src/main\\.ts\\b`));
    expect(packageJson.scripts.bench).toBe(`node ${flags} test/bench/run.ts`);
    const shebang = readFileSync(path.join(root, "src/main.ts"), "utf8").split("\n")[0];
    expect(shebang).toBe(`#!/usr/bin/env -S node ${flags}`);
  });

  it("keeps dependencies, local data and secrets out of the build context", () => {
    const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"));
    expect(ignored).toEqual(expect.arrayContaining(["**/node_modules", ".data", ".env", ".env.*", ".git"]));
    for (const needed of ["src", "projections", "client", "package.json", "package-lock.json"]) {
      expect(ignored).not.toContain(needed);
    }
  });
});
