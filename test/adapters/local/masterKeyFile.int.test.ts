import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrCreateMasterKeyFile, resolveMasterKey } from "../../../src/adapters/local/masterKeyFile.ts";
import { MasterKey } from "../../../src/application/privacy/masterKey.ts";

let dataDir: string;

beforeEach(async () => {
  dataDir = path.join(await mkdtemp(path.join(tmpdir(), "withme-master-key-")), "data");
});

afterEach(async () => {
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

describe("the master key file", () => {
  it("is generated at first start, readable only by its owner, and read back after", async () => {
    const first = await loadOrCreateMasterKeyFile(dataDir);
    expect(first).toMatchObject({ file: path.join(dataDir, "master.key"), created: true, warnings: [] });
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(first.file, "utf8")).trim(), "base64")).toHaveLength(32);
    const again = await loadOrCreateMasterKeyFile(dataDir);
    expect(again.created).toBe(false);
    expect(again.key.id).toBe(first.key.id);
    expect((await readdir(dataDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("ends up as one key when several processes start at once", async () => {
    const loaded = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateMasterKeyFile(dataDir)));
    expect(new Set(loaded.map((l) => l.key.id)).size).toBe(1);
    expect(loaded.filter((l) => l.created)).toHaveLength(1);
  });

  it("reads a key written by hand, in hex", async () => {
    const bytes = randomBytes(32);
    await loadOrCreateMasterKeyFile(dataDir);
    await writeFile(path.join(dataDir, "master.key"), bytes.toString("hex"), { mode: 0o600 });
    expect((await loadOrCreateMasterKeyFile(dataDir)).key.id).toBe(new MasterKey(bytes).id);
  });

  it("warns when others may read it", async () => {
    const { file } = await loadOrCreateMasterKeyFile(dataDir);
    await chmod(file, 0o644);
    const { warnings } = await loadOrCreateMasterKeyFile(dataDir);
    expect(warnings).toEqual([expect.stringContaining("chmod 600")]);
  });

  it("refuses a damaged file rather than make a new key", async () => {
    const { file } = await loadOrCreateMasterKeyFile(dataDir);
    await writeFile(file, "garbage");
    await expect(loadOrCreateMasterKeyFile(dataDir)).rejects.toThrow(/master\.key must be 32 bytes/);
    expect(await readFile(file, "utf8")).toBe("garbage");
  });

  it("is not used when WITHME_MASTER_KEY is configured", async () => {
    const configured = MasterKey.generate();
    await expect(resolveMasterKey(configured, dataDir)).resolves.toMatchObject({
      key: configured,
      source: "environment",
      file: null,
    });
    await expect(stat(dataDir)).rejects.toThrow();
    const fromFile = await resolveMasterKey(undefined, dataDir);
    expect(fromFile).toMatchObject({ source: "file", created: true });
  });
});
