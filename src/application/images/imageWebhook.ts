import { imageJobDecider } from "../../domain/imageJob/decider.ts";
import { imageJobStreamId } from "../../domain/streamIds.ts";
import type { HeaderBag } from "../../ports/imageGenerator.ts";
import type { ImageDependencies } from "./imageDependencies.ts";
import { settleImageJob } from "./imageJobSettlement.ts";

export interface WebhookAnswer {
  status: number;
  body: { ok: boolean; message: string };
}

/**
 * A provider's signed report about a job (`?job=<imageJobId>` in the URL we gave it): verified,
 * then settled like a poll. Repeats and late deliveries are acknowledged and change nothing. A
 * delivery counts as received only once its outcome is stored: one naming the wrong job, or one
 * whose settling failed (answered 5xx, so the provider delivers it again), leaves it unmarked.
 */
export async function receiveImageWebhook(
  deps: ImageDependencies,
  delivery: { imageJobId: string | null; headers: HeaderBag; rawBody: Uint8Array; requestId: string },
): Promise<WebhookAnswer> {
  const verdict = await deps.generator.parseWebhook(delivery.headers, delivery.rawBody);
  if (!verdict.accepted) {
    const status = verdict.reason === "KeysUnavailable" ? 503 : verdict.reason === "NotSupported" ? 404 : 401;
    deps.logger.warn({ reason: verdict.reason }, "image webhook refused");
    return { status, body: { ok: false, message: verdict.message } };
  }
  if (!delivery.imageJobId)
    return { status: 400, body: { ok: false, message: "The job is missing from the URL." } };
  const { state } = await deps.commands.load(imageJobDecider, imageJobStreamId(delivery.imageJobId));
  if (state.status === "absent") return { status: 404, body: { ok: false, message: "No such image job." } };
  if (verdict.duplicate || state.providerRequestId !== verdict.status.providerRequestId) {
    return { status: 200, body: { ok: true, message: "Already known." } };
  }
  await settleImageJob(deps, state, verdict.status, {
    commandId: `settle:${delivery.imageJobId}:${state.attempt}`,
    actor: "system:images-webhook",
    requestId: delivery.requestId,
    correlationId: delivery.requestId,
    causationId: null,
    now: deps.clock.now(),
  });
  verdict.settled();
  return { status: 200, body: { ok: true, message: "Received." } };
}
