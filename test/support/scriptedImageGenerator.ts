import { randomUUID } from "node:crypto";
import type { ImageGenerator, ImageJobStatus } from "../../src/ports/imageGenerator.ts";

/**
 * An image provider whose answer about a job is `answer`'s, counting submissions and polls: a
 * stuck queue, a finished picture, whatever a test needs the provider to say.
 */
export function scriptedImageGenerator(
  answer: (providerRequestId: string) => ImageJobStatus,
  options: { name?: string; pollIntervalMs?: number } = {},
): ImageGenerator & { submissions: number; polls: number } {
  const name = options.name ?? "test";
  const generator = {
    submissions: 0,
    polls: 0,
    async submit() {
      generator.submissions++;
      return { providerRequestId: randomUUID(), model: name, webhookExpected: false };
    },
    async status(job: { providerRequestId: string }) {
      generator.polls++;
      return answer(job.providerRequestId);
    },
    async parseWebhook() {
      return { accepted: false as const, reason: "NotSupported" as const, message: "no webhooks" };
    },
    describe: () => ({
      adapter: name,
      models: { basePortrait: name, variation: name },
      offline: true,
      webhooks: false,
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
    }),
    close: async () => {},
  };
  return generator;
}
