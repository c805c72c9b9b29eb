import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";
import {
  AuthenticationError,
  AuthenticationUnavailableError,
  type Authenticator,
  type Principal,
} from "../../ports/authenticator.ts";

export interface SupabaseJwtOptions {
  /** HS256 shared secret (the project's JWT secret) … */
  secret?: string;
  /** … or the JWKS endpoint for asymmetric keys. */
  jwksUrl?: string;
  issuer?: string;
  audience: string;
  adminSubjects: readonly string[];
}

interface SupabaseClaims extends JWTPayload {
  email?: unknown;
  role?: string;
  app_metadata?: { role?: string };
  user_metadata?: { full_name?: unknown; name?: unknown; user_name?: unknown };
}

/** Verifies Supabase access tokens: signature, issuer, audience and expiry; role from the token. */
export class SupabaseJwtAuthenticator implements Authenticator {
  readonly name: string;
  readonly #key: Uint8Array | JWTVerifyGetKey;
  readonly #options: SupabaseJwtOptions;

  constructor(options: SupabaseJwtOptions) {
    if (!options.secret && !options.jwksUrl)
      throw new Error("SupabaseJwtAuthenticator needs a secret or a JWKS URL");
    this.#options = options;
    this.#key = options.jwksUrl
      ? createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 })
      : new TextEncoder().encode(options.secret);
    this.name = options.jwksUrl ? "supabase-jwt (JWKS)" : "supabase-jwt (HS256)";
  }

  async authenticate(token: string): Promise<Principal> {
    let claims: SupabaseClaims;
    try {
      const verified = await jwtVerify<SupabaseClaims>(token, this.#key as Uint8Array, {
        issuer: this.#options.issuer,
        audience: this.#options.audience,
        algorithms: this.#options.jwksUrl ? ["RS256", "ES256", "EdDSA"] : ["HS256"],
        requiredClaims: ["sub", "exp"],
      });
      claims = verified.payload;
    } catch (error) {
      if (this.#options.jwksUrl && isKeySetUnavailable(error))
        throw new AuthenticationUnavailableError("the identity provider's signing keys could not be fetched");
      throw new AuthenticationError(describe(error));
    }
    const subject = claims.sub!;
    const admin = claims.app_metadata?.role === "admin" || this.#options.adminSubjects.includes(subject);
    // A person edits user_metadata themselves: any JSON may be there, so only text counts.
    const email = typeof claims.email === "string" ? claims.email : null;
    const metadata = claims.user_metadata ?? {};
    const displayName =
      [metadata.full_name, metadata.name, metadata.user_name].find((v) => typeof v === "string") ??
      email?.split("@")[0] ??
      "Guest";
    return {
      subject,
      provider: "supabase",
      role: admin ? "admin" : "user",
      displayName,
      email,
      expiresAt: claims.exp ? new Date(claims.exp * 1000) : null,
      issuedAt: typeof claims.iat === "number" ? new Date(claims.iat * 1000) : null,
    };
  }
}

/**
 * Whether verifying failed because the key set did not come (no answer, a timeout, a status other
 * than 200, or not a key set): nothing is known then about the token itself.
 */
function isKeySetUnavailable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  if (!(error instanceof errors.JOSEError)) return true;
  return (
    error.code === "ERR_JOSE_GENERIC" &&
    /^(Expected 200 OK|Failed to parse) .*JSON Web Key Set/.test(error.message)
  );
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "the sign-in token has expired: sign in again";
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the sign-in token is not for this service (${error.claim})`;
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return "the sign-in token's signature is not valid";
  if (error instanceof errors.JOSEError) return `the sign-in token is not valid (${error.code})`;
  return "the sign-in token could not be verified";
}
