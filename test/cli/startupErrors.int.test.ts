import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { compileCacheEnv } from "../support/compileCache.ts";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/** `withme <args>` in a clean environment; resolves with what it printed and its exit code. */
async function withme(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, "src/main.ts"), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? root, ...compileCacheEnv(), ...env },
      timeout: 90_000,
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

  describe.skipIf(userInfo().uid !== 0)("a private data folder, as root", () => {
    it("starts the embedded database in a folder made by mktemp -d (mode 0700)", async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), "withme-private-"));
      try {
        expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
        const result = await withme(["migrate"], { WITHME_DATA_DIR: dataDir });
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(result.code).toBe(0);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    }, 120_000);

    it("says in one line which folder the database user cannot pass through", async () => {
      const closed = await mkdtemp(path.join(tmpdir(), "withme-closed-"));
      const dataDir = path.join(closed, "inner", "data");
      await mkdir(dataDir, { recursive: true });
      try {
        const result = await withme(["migrate"], { WITHME_DATA_DIR: dataDir });
        expect(result.code).toBe(1);
        const lines = result.stderr.trim().split("\n");
        expect(lines.at(-1)).toMatch(/^withme: embedded PostgreSQL: .*cannot pass through .*withme-closed-/);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      } finally {
        await rm(closed, { recursive: true, force: true });
      }
    }, 120_000);
  });
});

describe("file mistakes of the card tools", () => {
  it("import-card of a file that is not there says so in one line", async () => {
    const missing = path.join(tmpdir(), "withme-no-such-card.png");
    const result = await withme(["import-card", missing, "--city", "Osaka", "--tz", "Asia/Tokyo"], {});
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`withme: cannot read ${missing}: there is no such file or folder`);
  });

  it("import-card of a folder says so in one line", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "withme-card-folder-"));
    try {
      const result = await withme(["import-card", folder], {});
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`withme: cannot read ${folder}: it is a folder`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
