/**
 * One encrypted field as stored: `{ "$enc": 1, "kid": <subject>, "iv": <base64url>, "ct": <base64url> }`,
 * where `ct` is the AES-256-GCM ciphertext of the value's JSON followed by the 16-byte tag. An object
 * (not a string form) so it can never be mistaken for text a person typed.
 */
export interface Envelope {
  $enc: 1;
  kid: string;
  iv: string;
  ct: string;
}

/** Where a value sits in an event's data: `["facts", 3]`. */
export type FieldPath = readonly (string | number)[];

export function isEnvelope(value: unknown): value is Envelope {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate.$enc === 1 &&
    typeof candidate.kid === "string" &&
    typeof candidate.iv === "string" &&
    typeof candidate.ct === "string"
  );
}

export class FieldDecryptionError extends Error {
  constructor(eventId: string, path: FieldPath) {
    super(
      `event ${eventId}: the encrypted field ${path.join(".")} does not decrypt (altered, or moved from elsewhere)`,
    );
    this.name = "FieldDecryptionError";
  }
}
