import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import { inspect } from "node:util";

export const MASTER_KEY_BYTES = 32;
const WRAP_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** 32 bytes written as 64 hex digits, or as base64 / base64url (with or without padding); null otherwise. */
export function parseMasterKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, "base64");
  return bytes.length === MASTER_KEY_BYTES ? bytes : null;
}

export const MASTER_KEY_FORMAT =
  "must be 32 bytes written as 64 hex digits or as base64 (e.g. the output of `openssl rand -base64 32`)";

/** A wrapped data key did not decrypt: wrong master key, or the row was altered. */
export class DataKeyUnwrapError extends Error {
  constructor(subjectId: string, reason: string) {
    super(`the data key of subject ${subjectId} cannot be unwrapped: ${reason}`);
    this.name = "DataKeyUnwrapError";
  }
}

/**
 * The key that wraps every person's data key (AES-256-GCM, a random IV per wrap, the subject id as
 * associated data so a wrapped key cannot be moved to another person). Its `id` is a one-way
 * fingerprint that tells which master key wrapped what; the key itself never prints.
 */
export class MasterKey {
  readonly id: string;
  readonly #key: KeyObject;

  constructor(bytes: Uint8Array) {
    if (bytes.length !== MASTER_KEY_BYTES) throw new Error(`a master key is ${MASTER_KEY_BYTES} bytes`);
    this.#key = createSecretKey(bytes);
    this.id = createHmac("sha256", this.#key).update("withme master key id v1").digest("hex").slice(0, 16);
  }

  static generate(): MasterKey {
    return new MasterKey(randomBytes(MASTER_KEY_BYTES));
  }

  /** A key of its own for another purpose (signing links…), the same in every process with this master key. */
  derive(purpose: string): KeyObject {
    return createSecretKey(
      createHmac("sha256", this.#key).update(`withme derived key v1\0${purpose}`).digest(),
    );
  }

  /** `version ‖ iv ‖ ciphertext ‖ tag`. */
  wrap(subjectId: string, material: Uint8Array): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    cipher.setAAD(wrapContext(subjectId));
    const sealed = Buffer.concat([cipher.update(material), cipher.final()]);
    return Buffer.concat([Buffer.of(WRAP_VERSION), iv, sealed, cipher.getAuthTag()]);
  }

  unwrap(subjectId: string, wrapped: Uint8Array): Buffer {
    const bytes = Buffer.from(wrapped);
    if (bytes[0] !== WRAP_VERSION || bytes.length <= 1 + IV_BYTES + TAG_BYTES) {
      throw new DataKeyUnwrapError(subjectId, "unknown format");
    }
    const iv = bytes.subarray(1, 1 + IV_BYTES);
    const tag = bytes.subarray(bytes.length - TAG_BYTES);
    const decipher = createDecipheriv("aes-256-gcm", this.#key, iv);
    decipher.setAAD(wrapContext(subjectId));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([
        decipher.update(bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new DataKeyUnwrapError(subjectId, `it was not wrapped by master key ${this.id} for this subject`);
    }
  }

  toString(): string {
    return `[master key ${this.id}]`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

function wrapContext(subjectId: string): Buffer {
  return Buffer.from(`withme data key v1\0${subjectId}`, "utf8");
}
