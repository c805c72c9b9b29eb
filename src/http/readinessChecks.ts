import { createHash, timingSafeEqual } from "node:crypto";
import type http from "node:http";

/** Whether one readiness check passed, and if not, the error it met. */
export interface CheckResult {
  ok: boolean;
  error?: string;
}

export async function check(work: () => Promise<unknown>): Promise<CheckResult> {
  try {
    await work();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The readiness checks as whether each passed, without what went wrong. */
export function withoutErrors<T extends Record<string, CheckResult>>(checks: T) {
  return Object.fromEntries(
    Object.entries(checks).map(([name, { error: _error, ...rest }]) => [name, rest]),
  ) as { [K in keyof T]: Omit<T[K], "error"> };
}

export interface InternalViewerOptions {
  production: boolean;
  operationsToken?: string | undefined;
}

/**
 * Whether a request may see internals (a store's own error names hosts, users and SQL). With a
 * token, only its bearer may; without one, anyone outside production and no one in production.
 */
export function internalViewer(options: InternalViewerOptions): (request: http.IncomingMessage) => boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  const expected = options.operationsToken ? digest(options.operationsToken) : null;
  return (request) => {
    if (!expected) return !options.production;
    const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1]?.trim();
    return given !== undefined && timingSafeEqual(digest(given), expected);
  };
}

/** The checks as the caller may see them: with their errors only for whoever may see internals. */
export function checksFor<T extends Record<string, CheckResult>>(seesInternals: boolean, checks: T) {
  return seesInternals ? checks : withoutErrors(checks);
}
