import { AuthenticationError, type Authenticator, type Principal } from "../../ports/authenticator.ts";

// Exactly `dev` in lower case: `DEV`, `Dev` or ` dev ` are no dev token (nor the admin).
const DEV_TOKEN = /^dev(?::([A-Za-z0-9][A-Za-z0-9_-]{0,39}))?$/;

/**
 * Development sign-in without an identity provider: `dev` is the admin, `dev:<name>` a person.
 * Never used in production mode; tokens of any other shape go to the fallback, if there is one.
 */
export class DevTokenAuthenticator implements Authenticator {
  readonly name = "dev-tokens";
  readonly #fallback: Authenticator | null;

  constructor(fallback: Authenticator | null = null) {
    this.#fallback = fallback;
  }

  static isDevToken(token: string): boolean {
    return DEV_TOKEN.test(token);
  }

  async authenticate(token: string): Promise<Principal> {
    const match = DEV_TOKEN.exec(token);
    if (!match) {
      if (this.#fallback) return this.#fallback.authenticate(token);
      throw new AuthenticationError("unknown token: in development sign in with `dev` or `dev:<name>`");
    }
    const name = match[1]?.toLowerCase();
    return {
      subject: name ? `dev:${name}` : "dev",
      provider: "dev",
      role: name ? "user" : "admin",
      displayName: name ? name.charAt(0).toUpperCase() + name.slice(1) : "Admin",
      email: null,
      expiresAt: null,
    };
  }
}
