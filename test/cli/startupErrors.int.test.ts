import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/** `withme <args>` in a clean environment; resolves with what it printed and its exit code. */
async function withme(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, "src/main.ts"), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? root, ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("start-up mistakes", () => {
  it("a malformed DATABASE_URL stops with the variable named and no stack trace", async () => {
    const result = await withme(["doctor"], { DATABASE_URL: "mysql://root:hunter2@db/withme" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^withme: configuration is not valid:\n {2}DATABASE_URL: .+\n$/);
    expect(result.stderr).not.toContain("hunter2");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("a database that does not answer stops with one line saying so", async () => {
    const result = await withme(["migrate"], {
      DATABASE_URL: "postgres://withme:hunter2@127.0.0.1:1/withme",
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n").at(-1)).toBe(
      "withme: DATABASE_URL: cannot connect to postgres://withme:***@127.0.0.1:1/withme (connect ECONNREFUSED 127.0.0.1:1)",
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
