import { randomBytes } from "node:crypto";
import { link, mkdir, open, readFile, stat, unlink } from "node:fs/promises";
import path from "node:path";
import {
  MASTER_KEY_BYTES,
  MASTER_KEY_FORMAT,
  MasterKey,
  parseMasterKey,
} from "../../application/privacy/masterKey.ts";

export const MASTER_KEY_FILE_NAME = "master.key";

export interface ResolvedMasterKey {
  key: MasterKey;
  source: "environment" | "file";
  /** The key file, when the key came from one. */
  file: string | null;
  /** True when this call generated the key file: it must be backed up. */
  created: boolean;
  warnings: string[];
}

/** `WITHME_MASTER_KEY` when configured, else the key file in the data folder, made at first start. */
export async function resolveMasterKey(
  configured: MasterKey | undefined,
  dataDir: string,
): Promise<ResolvedMasterKey> {
  if (configured) return { key: configured, source: "environment", file: null, created: false, warnings: [] };
  return { source: "file", ...(await loadOrCreateMasterKeyFile(dataDir)) };
}

/**
 * Reads `<dataDir>/master.key` (the key in base64, mode 0600), generating it when there is none. The
 * new file is written whole under a temporary name and then linked into place, which fails if the
 * file appeared meanwhile: two processes starting at once end up with the same key, and a crash
 * never leaves a half-written key behind.
 */
export async function loadOrCreateMasterKeyFile(
  dataDir: string,
): Promise<{ key: MasterKey; file: string; created: boolean; warnings: string[] }> {
  const file = path.join(dataDir, MASTER_KEY_FILE_NAME);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  let created = false;
  if (!(await exists(file))) created = await createKeyFile(file);
  const warnings: string[] = [];
  const mode = (await stat(file)).mode;
  if (process.platform !== "win32" && (mode & 0o077) !== 0) {
    warnings.push(
      `${file} can be read by other users of this machine (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it`,
    );
  }
  const bytes = parseMasterKey(await readFile(file, "utf8"));
  if (!bytes) throw new Error(`the master key file ${file} ${MASTER_KEY_FORMAT}`);
  return { key: new MasterKey(bytes), file, created, warnings };
}

async function createKeyFile(file: string): Promise<boolean> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const handle = await open(temporary, "wx", 0o600);
  try {
    await handle.writeFile(`${randomBytes(MASTER_KEY_BYTES).toString("base64")}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(temporary).catch(() => {});
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
