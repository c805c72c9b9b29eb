import type http from "node:http";
import type { ImageDependencies } from "../application/images/imageDependencies.ts";
import { receiveImageWebhook } from "../application/images/imageWebhook.ts";
import { BodyTooLargeError, readBody } from "./body.ts";
import { type Router, sendJson } from "./router.ts";
import { addWebClientRoutes } from "./staticClient.ts";

type NodeHandler = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
) => boolean | Promise<boolean>;

export interface AppRoutes {
  /** The image pipeline, for provider webhooks; null when images are not handled here. */
  images: ImageDependencies | null;
  /** Serves `/media/…` when media is stored on local disk. */
  media: NodeHandler | null;
  /** `POST /internal/scheduler/tick` for an external cron. */
  schedulerTrigger: NodeHandler | null;
  /** The built web client, served at `/` and `/admin`. */
  clientDist: string;
}

const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** The routes beyond GraphQL and the operations endpoints; returns whether the web client is served. */
export async function addAppRoutes(router: Router, routes: AppRoutes): Promise<boolean> {
  const { images, media, schedulerTrigger } = routes;
  if (images) {
    router.post("/webhooks/fal", async ({ request, response, url, requestId }) => {
      let rawBody: Buffer;
      try {
        rawBody = await readBody(request, WEBHOOK_BODY_LIMIT);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        return sendJson(response, 413, { ok: false, message: "The delivery is too large." });
      }
      const answer = await receiveImageWebhook(images, {
        imageJobId: url.searchParams.get("job"),
        headers: request.headers,
        rawBody,
        requestId,
      });
      sendJson(response, answer.status, answer.body);
    });
  }
  if (media) {
    router.add("*", "/media/", ({ request, response }) => {
      if (!media(request, response)) sendJson(response, 404, { error: "No such file." });
    });
  }
  if (schedulerTrigger) {
    router.add("*", "/internal/scheduler/tick", async ({ request, response }) => {
      if (!(await schedulerTrigger(request, response))) sendJson(response, 404, { error: "Nothing here." });
    });
  }
  return addWebClientRoutes(router, routes.clientDist);
}
