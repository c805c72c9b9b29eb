import { LRUCache } from "lru-cache";
import type { CommandHandler } from "../application/commandHandler.ts";
import type { AccountPrivacy } from "../application/privacy/accountDeletion.ts";
import { registerUser, userIdFor } from "../application/users/registerUser.ts";
import { textProblem } from "../domain/shared/text.ts";
import { displayNameFromSignIn } from "../domain/user/rules.ts";
import {
  AuthenticationError,
  AuthenticationUnavailableError,
  type Authenticator,
  type Principal,
} from "../ports/authenticator.ts";
import type { Clock } from "../ports/clock.ts";
import type { Viewer } from "./context.ts";
import { apiError } from "./errors.ts";
import { RoleChanges } from "./roleChanges.ts";

/**
 * Turns an `Authorization` value (HTTP header or WebSocket connection parameter) into the viewer,
 * registering people the first time they are seen.
 */
export class Viewers {
  readonly #authenticator: Authenticator;
  readonly #commands: CommandHandler;
  readonly #clock: Clock;
  readonly #registered = new LRUCache<string, true>({ max: 50_000 });
  readonly #privacy: Pick<AccountPrivacy, "isErased"> | null;
  readonly roleChanges = new RoleChanges();

  constructor(
    authenticator: Authenticator,
    commands: CommandHandler,
    clock: Clock,
    privacy: Pick<AccountPrivacy, "isErased"> | null = null,
  ) {
    this.#authenticator = authenticator;
    this.#commands = commands;
    this.#clock = clock;
    this.#privacy = privacy;
  }

  async isErased(userId: string): Promise<boolean> {
    return (await this.#privacy?.isErased(userId)) ?? false;
  }

  /** True when the `Authorization` value names someone whose credentials verify. */
  verifies(authorization: string): Promise<boolean> {
    return this.fromAuthorization(authorization, null).then(
      (viewer) => viewer !== null,
      () => false,
    );
  }

  /** Null without credentials; throws UNAUTHENTICATED (HTTP 401) for credentials that do not verify. */
  async fromAuthorization(authorization: unknown, requestId: string | null): Promise<Viewer | null> {
    if (authorization === undefined || authorization === null || authorization === "") return null;
    // The token is what follows `Bearer `, whole: spaces around it are no part of any token.
    const match = typeof authorization === "string" ? /^Bearer (\S+)$/i.exec(authorization) : null;
    if (!match) throw unauthorized("Send the token as `Authorization: Bearer <token>`.");
    let principal: Awaited<ReturnType<Authenticator["authenticate"]>>;
    try {
      principal = await this.#authenticator.authenticate(match[1]!);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthorized(`${sentence(error.message)}`);
      if (error instanceof AuthenticationUnavailableError)
        throw apiError(
          "SERVICE_UNAVAILABLE",
          "Sign-ins cannot be checked right now; try again in a moment.",
          {
            http: { status: 503 },
          },
        );
      throw error;
    }
    if (!isStorableSubject(principal.subject))
      throw unauthorized("The sign-in token is not for this service (sub).");
    principal = { ...principal, displayName: displayNameFromSignIn(principal.displayName) };
    const now = this.#clock.now();
    if (principal.expiresAt && principal.expiresAt.getTime() <= now.getTime())
      throw unauthorized("The sign-in token has expired: sign in again.");
    const userId = await this.#accountOf(principal);
    if (!this.#registered.has(userId)) {
      await registerUser(this.#commands, principal, { actor: `user:${userId}`, requestId, now }, userId);
      this.#registered.set(userId, true);
    }
    return { userId, role: this.roleChanges.observe(userId, principal), principal };
  }

  /**
   * The sign-in's account: its first one, or, once that person was erased, the next, which starts
   * empty, so someone who deleted their account can come back with the same identity.
   */
  async #accountOf(principal: Pick<Principal, "provider" | "subject">): Promise<string> {
    for (let incarnation = 0; incarnation < MAX_INCARNATIONS; incarnation++) {
      const userId = userIdFor(principal, incarnation);
      if (!(await this.isErased(userId))) return userId;
    }
    throw unauthorized("This sign-in's accounts were deleted too many times; use another identity.");
  }
}

/** Accounts one sign-in may delete and start again; each erased one costs a look-up per sign-in. */
const MAX_INCARNATIONS = 20;

/** Whether the person was erased since signing in: their open connections are refused from then on. */
export async function wasErased(viewers: Viewers, viewer: Viewer | null): Promise<boolean> {
  return viewer !== null && (await viewers.isErased(viewer.userId));
}

/** A subject the user's events can hold: text of 1 to 255 characters PostgreSQL can store. */
function isStorableSubject(subject: unknown): boolean {
  return (
    typeof subject === "string" &&
    subject.length >= 1 &&
    subject.length <= 255 &&
    textProblem(subject) === null
  );
}

function unauthorized(message: string) {
  return apiError("UNAUTHENTICATED", message, { http: { status: 401 } });
}

function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
