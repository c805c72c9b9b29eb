import { ApiError } from "@fal-ai/client";
import { z } from "zod";
import type { GeneratedImage, ImageJobStatus } from "../../ports/imageGenerator.ts";

const imageSchema = z.object({
  url: z.string().min(1),
  content_type: z.string().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});

/** Text-to-image models answer `images: [...]`; some edit models answer a single `image`. */
const outputSchema = z.object({
  images: z.array(imageSchema).optional(),
  image: imageSchema.optional(),
});

export const webhookBodySchema = z.object({
  request_id: z.string().min(1),
  gateway_request_id: z.string().optional(),
  status: z.enum(["OK", "ERROR"]),
  payload: z.unknown().optional(),
  error: z.string().nullish(),
  payload_error: z.string().nullish(),
});

export function imageFromOutput(output: unknown): GeneratedImage | null {
  const parsed = outputSchema.safeParse(output);
  if (!parsed.success) return null;
  const image = parsed.data.images?.[0] ?? parsed.data.image;
  if (!image) return null;
  return {
    source: "url",
    url: image.url,
    ...(image.content_type ? { contentType: image.content_type } : {}),
    ...(image.width ? { width: image.width } : {}),
    ...(image.height ? { height: image.height } : {}),
  };
}

/** A finished request: succeeded with its picture, or failed with a reason an operator can read. */
export function outcomeFromOutput(
  providerRequestId: string,
  output: unknown,
  logs?: string[],
): ImageJobStatus {
  const result = imageFromOutput(output);
  if (!result) {
    return { providerRequestId, state: "failed", error: "fal finished the request without an image", logs };
  }
  return { providerRequestId, state: "succeeded", result, ...(logs ? { logs } : {}) };
}

/** The `detail` fal puts in error bodies: a string, or validation errors with `msg`. */
export function detailOf(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const detail = (body as { detail?: unknown }).detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((item) =>
        item && typeof item === "object" && "msg" in item ? String(item.msg) : JSON.stringify(item),
      )
      .join("; ");
  }
  return undefined;
}

export function falErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const detail = detailOf(error.body);
    return `fal answered HTTP ${error.status}${detail ? `: ${detail}` : `: ${error.message}`}`;
  }
  return error instanceof Error ? error.message : String(error);
}
