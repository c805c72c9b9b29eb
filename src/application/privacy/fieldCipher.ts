import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
} from "node:crypto";
import type { DataKey } from "../../ports/dataKeys.ts";
import { type Envelope, FieldDecryptionError, type FieldPath } from "./fieldEnvelope.ts";
import { decodeBase64urlInSteps, encryptToBase64urlInSteps, inSteps, STEP_BYTES } from "./stepwiseBytes.ts";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals and opens one person's fields. Two keys are derived from the data key with HKDF: one
 * encrypts, one makes the IV. The IV is synthetic: HMAC(iv key, subject, event id, path, plaintext),
 * so the same event appended again (a retry) yields byte-identical ciphertext on every adapter,
 * while any other plaintext gets another IV, as likely to collide as a random 96-bit one. Subject,
 * event id and path are also the associated data, so a ciphertext cannot be moved to another field,
 * event or person and still open.
 */
export class FieldCipher {
  readonly subjectId: string;
  readonly #encryptionKey: KeyObject;
  readonly #ivKey: KeyObject;
  readonly #contextStart: string;

  constructor(key: DataKey) {
    this.subjectId = key.subjectId;
    this.#contextStart = `["withme field v1",${JSON.stringify(key.subjectId)},`;
    this.#encryptionKey = derive(key.material, "withme field encryption v1");
    this.#ivKey = derive(key.material, "withme field iv v1");
  }

  seal(eventId: string, path: FieldPath, value: unknown): Envelope {
    const json = JSON.stringify(value);
    // A field under a step long (nearly every one) is sealed at once, without the steps' machinery;
    // the bytes are the same either way.
    if (json.length <= STEP_BYTES / 3) return this.#sealSmall(eventId, path, Buffer.from(json, "utf8"));
    const steps = this.sealJsonTextInSteps(eventId, path, json);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  #sealSmall(eventId: string, path: FieldPath, plaintext: Buffer): Envelope {
    const context = this.#context(eventId, path);
    const iv = createHmac("sha256", this.#ivKey)
      .update(context)
      .update(plaintext)
      .digest()
      .subarray(0, IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#encryptionKey, iv);
    cipher.setAAD(context);
    const head = cipher.update(plaintext);
    cipher.final();
    const sealed = Buffer.concat([head, cipher.getAuthTag()]);
    return { $enc: 1, kid: this.subjectId, iv: iv.toString("base64url"), ct: sealed.toString("base64url") };
  }

  /**
   * `seal` for a value already written out as JSON, pausing after each 192 KiB it reads,
   * encrypts or encodes: a long conversation's snapshot is megabytes.
   */
  sealJsonTextInSteps(eventId: string, path: FieldPath, json: string): Generator<void, Envelope, void> {
    return this.sealJsonPartsInSteps(eventId, path, [json]);
  }

  /** `sealJsonTextInSteps` for JSON text in parts, which are never joined into one string. */
  *sealJsonPartsInSteps(
    eventId: string,
    path: FieldPath,
    parts: readonly string[],
  ): Generator<void, Envelope, void> {
    const context = this.#context(eventId, path);
    const mac = createHmac("sha256", this.#ivKey).update(context);
    const plaintext: Buffer[] = [];
    for (const part of parts) {
      const bytes = Buffer.from(part, "utf8");
      for (let at = 0; at < bytes.length; at += STEP_BYTES)
        plaintext.push(bytes.subarray(at, at + STEP_BYTES));
    }
    yield* inSteps(plaintext, (bytes) => mac.update(bytes));
    const iv = mac.digest().subarray(0, IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#encryptionKey, iv);
    cipher.setAAD(context);
    const ct = yield* encryptToBase64urlInSteps(cipher, plaintext);
    return { $enc: 1, kid: this.subjectId, iv: iv.toString("base64url"), ct };
  }

  open(eventId: string, path: FieldPath, envelope: Envelope): unknown {
    const iv = Buffer.from(envelope.iv, "base64url");
    const sealed = Buffer.from(envelope.ct, "base64url");
    if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES || envelope.kid !== this.subjectId) {
      throw new FieldDecryptionError(eventId, path);
    }
    const tagAt = sealed.length - TAG_BYTES;
    let plaintext: Buffer;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#encryptionKey, iv);
      decipher.setAAD(this.#context(eventId, path));
      decipher.setAuthTag(sealed.subarray(tagAt));
      plaintext = decipher.update(sealed.subarray(0, tagAt));
      // GCM's final() only checks the tag and returns nothing more.
      const rest = decipher.final();
      if (rest.length > 0) plaintext = Buffer.concat([plaintext, rest]);
    } catch {
      throw new FieldDecryptionError(eventId, path);
    }
    try {
      return JSON.parse(plaintext.toString("utf8"));
    } catch {
      throw new FieldDecryptionError(eventId, path);
    }
  }

  /**
   * `open` for an envelope of megabytes (a long conversation's snapshot), pausing after each
   * 192 KiB it decodes or decrypts; the text it opens to is returned, not parsed.
   */
  *openTextInSteps(eventId: string, path: FieldPath, envelope: Envelope): Generator<void, string, void> {
    const iv = Buffer.from(envelope.iv, "base64url");
    const sealed = yield* decodeBase64urlInSteps(envelope.ct);
    if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES || envelope.kid !== this.subjectId) {
      throw new FieldDecryptionError(eventId, path);
    }
    const tagAt = sealed.length - TAG_BYTES;
    const decipher = createDecipheriv("aes-256-gcm", this.#encryptionKey, iv);
    decipher.setAAD(this.#context(eventId, path));
    decipher.setAuthTag(sealed.subarray(tagAt));
    const plaintext: Buffer[] = [];
    for (let at = 0; at < tagAt; at += STEP_BYTES) {
      plaintext.push(decipher.update(sealed.subarray(at, Math.min(at + STEP_BYTES, tagAt))));
      yield;
    }
    try {
      plaintext.push(decipher.final());
    } catch {
      throw new FieldDecryptionError(eventId, path);
    }
    return Buffer.concat(plaintext).toString("utf8");
  }

  /** `JSON.stringify(["withme field v1", subject, event id, path])`, the subject's part written once. */
  #context(eventId: string, path: FieldPath): Buffer {
    return Buffer.from(
      `${this.#contextStart}${JSON.stringify(eventId.toLowerCase())},${JSON.stringify(path)}]`,
      "utf8",
    );
  }
}

function derive(material: Uint8Array, info: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync("sha256", material, new Uint8Array(0), info, 32)));
}

const ciphers = new WeakMap<DataKey, FieldCipher>();

/** The cipher of a key, derived once per key object. */
export function cipherFor(key: DataKey): FieldCipher {
  let cipher = ciphers.get(key);
  if (!cipher) {
    cipher = new FieldCipher(key);
    ciphers.set(key, cipher);
  }
  return cipher;
}
