import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export const SCHEDULER_TRIGGER_PATH = "/internal/scheduler/tick";

export interface SchedulerTriggerOptions {
  /** CRON_TOKEN; without it the endpoint does not exist (404). */
  token: string | undefined;
  tick: () => Promise<unknown>;
  path?: string;
}

/**
 * `POST /internal/scheduler/tick` with `Authorization: Bearer <CRON_TOKEN>`, for an external cron
 * (a Kubernetes CronJob) to run the same tick as the in-process scheduler. Returns false for
 * requests it does not serve so the caller can route them on; one tick runs at a time per process.
 */
export function schedulerTriggerHandler(
  options: SchedulerTriggerOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const path = options.path ?? SCHEDULER_TRIGGER_PATH;
  const expected = options.token ? digest(options.token) : null;
  let running = false;
  return async (req, res) => {
    if (URL.parse(req.url ?? "/", "http://local")?.pathname !== path) return false;
    if (!expected) {
      reply(res, 404, { error: "Not found." });
      return true;
    }
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      reply(res, 405, { error: "Use POST to run a scheduler tick." });
      return true;
    }
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
    if (!match || !timingSafeEqual(digest(match[1]!.trim()), expected)) {
      res.setHeader("www-authenticate", 'Bearer realm="scheduler"');
      reply(res, 401, { error: "Send the cron token as a bearer token." });
      return true;
    }
    if (running) {
      reply(res, 409, { error: "A tick is already running; try again when it is done." });
      return true;
    }
    running = true;
    try {
      const report = await options.tick();
      reply(res, 200, { ok: true, report });
    } catch {
      reply(res, 500, { error: "The tick failed; see the server log." });
    } finally {
      running = false;
    }
    return true;
  };
}

/** Hashing first gives both sides the same length, so the comparison takes the same time whatever was sent. */
function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
