import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseYamlDocuments, renderKustomization, sortObjects } from "../support/kustomize/render.ts";
import { root } from "./manifestSupport.ts";

const directories = ["k8s/base", "k8s/overlays/kind", "k8s/overlays/production"];

function kubectlKustomize(): ((directory: string) => string) | null {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
  } catch {
    return null;
  }
  return (directory) => execFileSync("kubectl", ["kustomize", directory], { encoding: "utf8", cwd: root });
}

describe("the kustomize renderer against kubectl", () => {
  const kustomize = kubectlKustomize();
  if (!kustomize) {
    console.warn("skipped: kubectl is not on PATH — the renderer was not cross-checked against kustomize");
  }
  describe.skipIf(!kustomize)("matches `kubectl kustomize`", () => {
    it.each(directories)("%s", (directory) => {
      const ours = sortObjects(renderKustomization(path.join(root, directory)));
      const theirs = sortObjects(parseYamlDocuments(kustomize!(directory), `kubectl kustomize ${directory}`));
      expect(ours).toEqual(theirs);
    });
  });
});
