import type { introspection } from "../graphql-env.d.ts";

/** Why an agent did not send a picture: the schema's `ImageDeclineReason`, the server's own list. */
export type ImageDeclineReason = introspection["types"]["ImageDeclineReason"]["enumValues"];

export interface DeclineWords {
  /** Follows the agent's name: "Mia is asleep right now". */
  text: string;
  /** What would change the answer, when something would. */
  hint: string | null;
}

/**
 * Every reason in words. Typed by the schema's enum, so a reason added on the server fails the
 * client's type check until it has words here (and a test compares the lists at run time too).
 */
export const DECLINE_WORDS: Record<ImageDeclineReason, DeclineWords> = {
  NOT_COMFORTABLE: {
    text: "doesn't feel comfortable sending a picture yet",
    hint: "Pictures come once you're a little closer: chat a bit more and ask again.",
  },
  AGENT_ASLEEP: { text: "is asleep, so no picture right now", hint: "Ask again after they wake up." },
  AGENT_BUSY: { text: "is busy right now and can't take a picture", hint: "Ask again a little later." },
  TOO_SOON: { text: "just sent you a picture", hint: "Give it half an hour or so, then ask again." },
  DAILY_LIMIT: { text: "has sent enough pictures for today", hint: "Ask again tomorrow." },
  NO_BASE_PORTRAIT: {
    text: "doesn't have a portrait to start from yet",
    hint: "Their portrait is still being made; ask again in a minute.",
  },
  UNSAFE_REQUEST: { text: "won't send that kind of picture", hint: null },
};

export function declineWords(reason: string | null | undefined): DeclineWords {
  return (
    (reason && DECLINE_WORDS[reason as ImageDeclineReason]) || { text: "did not send a picture", hint: null }
  );
}
