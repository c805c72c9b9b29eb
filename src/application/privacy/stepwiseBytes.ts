import type { CipherGCM } from "node:crypto";

/** Bytes read, encrypted or encoded between two pauses; a multiple of 3. */
export const STEP_BYTES = 3 * 64 * 1024;

/** Hands each buffer to `use`, pausing after each `STEP_BYTES` or so of them. */
export function* inSteps(
  buffers: readonly Buffer[],
  use: (bytes: Buffer) => void,
): Generator<void, void, void> {
  let since = 0;
  for (const bytes of buffers) {
    if (since >= STEP_BYTES) {
      since = 0;
      yield;
    }
    use(bytes);
    since += bytes.length;
  }
}

/** Encrypts the plaintext with `cipher`, tag included, as base64url, pausing after each `STEP_BYTES` or so. */
export function* encryptToBase64urlInSteps(
  cipher: CipherGCM,
  plaintext: readonly Buffer[],
): Generator<void, string, void> {
  // Ciphertext is encoded as it comes, a multiple of 3 bytes at a time: such pieces encode to
  // base64 that joins into the whole's encoding, and no megabytes are copied into one buffer.
  let ct = "";
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const encode = (all: boolean) => {
    const bytes = Buffer.concat(pending);
    const whole = all ? bytes.length : bytes.length - (bytes.length % 3);
    ct += bytes.subarray(0, whole).toString("base64url");
    pending = [bytes.subarray(whole)];
    pendingBytes = bytes.length - whole;
  };
  yield* inSteps(plaintext, (bytes) => {
    pending.push(cipher.update(bytes));
    pendingBytes += bytes.length;
    if (pendingBytes >= STEP_BYTES) encode(false);
  });
  pending.push(cipher.final(), cipher.getAuthTag());
  encode(true);
  return ct;
}

/** The bytes of base64url text, decoded a piece at a time with a pause after each. */
export function* decodeBase64urlInSteps(text: string): Generator<void, Buffer, void> {
  // Four base64 characters are three bytes: pieces of a multiple of four decode on their own.
  const pieceChars = (STEP_BYTES / 3) * 4;
  const pieces: Buffer[] = [];
  for (let at = 0; at < text.length; at += pieceChars) {
    pieces.push(Buffer.from(text.slice(at, at + pieceChars), "base64url"));
    yield;
  }
  return Buffer.concat(pieces);
}
