import type { ImageRequestKind } from "../imageRequests/detectImageRequest.ts";
import type { ImageDeclineReason as GateReason } from "../imageRequests/imageGating.ts";
import { answerAboutLooks } from "../persona/personaLooks.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";

/**
 * "What do you look like?" asks for a picture, but a description answers it too: when no picture
 * goes out, the agent says how it looks, then why the photo waits.
 */
export function declinedImageLine(
  kind: ImageRequestKind,
  context: ReplyContext,
  reason: GateReason | null,
  line: string,
): string {
  const inWords = kind === "appearance" ? answerAboutLooks("what do you look like?", context) : null;
  if (!inWords) return line;
  const later =
    reason === "AffinityTooLow" ? "A photo can wait until we've talked a bit more, though." : line;
  return [...inWords.map((sentence) => `${sentence}.`), later].join(" ");
}
