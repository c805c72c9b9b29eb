import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderKustomization } from "../support/kustomize/render.ts";
import { type JsonObject, strategicMerge } from "../support/kustomize/strategicMerge.ts";
import { parseImage } from "../support/kustomize/transformers.ts";

describe("the kustomize renderer", () => {
  it("merges named list items in place, patch items first, and deletes keys set to null", () => {
    const target: JsonObject = {
      containers: [
        { name: "a", env: [{ name: "X", value: "1" }], image: "i" },
        { name: "b", image: "j" },
      ],
      volumes: [
        { name: "tmp", emptyDir: {} },
        { name: "data", emptyDir: {} },
      ],
      args: ["one", "two"],
    };
    const patch = {
      containers: [{ name: "a", env: [{ name: "Y", value: "2" }] }],
      volumes: [{ name: "data", emptyDir: null, persistentVolumeClaim: { claimName: "c" } }],
      args: ["three"],
    };
    expect(strategicMerge(target, patch)).toEqual({
      containers: [
        {
          name: "a",
          env: [
            { name: "Y", value: "2" },
            { name: "X", value: "1" },
          ],
          image: "i",
        },
        { name: "b", image: "j" },
      ],
      volumes: [
        { name: "data", persistentVolumeClaim: { claimName: "c" } },
        { name: "tmp", emptyDir: {} },
      ],
      args: ["three"],
    });
  });

  it("refuses patch directives it does not implement", () => {
    expect(() => strategicMerge({ a: 1 }, { $patch: "replace" })).toThrow(/not supported/);
  });

  it("reads image references with registries, ports, tags and digests", () => {
    expect(parseImage("withme")).toEqual({ name: "withme" });
    expect(parseImage("registry:5000/team/withme:1.2")).toEqual({
      name: "registry:5000/team/withme",
      tag: "1.2",
    });
    expect(parseImage("redis@sha256:abc")).toEqual({ name: "redis", digest: "sha256:abc" });
  });

  it("refuses a kustomization field outside its subset", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "kustomize-"));
    try {
      writeFileSync(path.join(directory, "kustomization.yaml"), "commonLabels:\n  app: withme\n");
      expect(() => renderKustomization(directory)).toThrow(/"commonLabels" is not supported/);
    } finally {
      rmSync(directory, { recursive: true });
    }
  });
});
