/** Who is calling, as the identity provider vouches for it. */
export interface Principal {
  /** Stable id from the identity provider (`sub`). */
  subject: string;
  provider: "supabase" | "dev";
  role: "user" | "admin";
  displayName: string;
  email: string | null;
  /** When the token stops being valid; subscriptions end then. */
  expiresAt: Date | null;
  /** When the token was issued, when it says: the newest token's role is the person's role. */
  issuedAt?: Date | null;
}

export interface Authenticator {
  readonly name: string;
  /**
   * Verifies a bearer token; throws AuthenticationError when it is not acceptable, and
   * AuthenticationUnavailableError when it cannot be checked now.
   */
  authenticate(token: string): Promise<Principal>;
}

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthenticationError";
  }
}

/** The token could not be checked at all (the identity provider's keys did not come): try again, not sign in again. */
export class AuthenticationUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthenticationUnavailableError";
  }
}
