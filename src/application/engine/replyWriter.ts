import { topics } from "../../ports/liveBus.ts";
import {
  ReplyModelError as ModelError,
  type ReplyModelError,
  type ReplyUsage,
} from "../../ports/replyModel.ts";
import { buildReplyPrompt } from "../prompt/buildReplyPrompt.ts";
import { checkSelfReference } from "../prompt/selfReferenceGuard.ts";
import { CRISIS_LINES, crisisIn, namesCrisisHelp } from "../safety/crisisSupport.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { ReplyDeltas } from "./replyDeltas.ts";
import { ReplyTyping } from "./replyTyping.ts";
import { SentenceGate } from "./sentenceGate.ts";
import type { TurnContext } from "./turnContext.ts";

export interface WrittenReply {
  text: string;
  model: string;
  usage: ReplyUsage;
}

/** A number from a string, so the same reply id always gives the offline engine the same seed. */
export function seedFrom(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * Writes a reply with the model, sending it to the conversation's live topic a sentence at a time
 * as each passes the self-reference guard (repaired or dropped), so nothing out of character is
 * ever shown. A reply that breaks character before anything was shown, with too little left, is
 * written once more; the stored reply is exactly what the person saw.
 */
export async function writeReply(
  deps: Pick<EngineDependencies, "bus" | "replies" | "settings" | "logger">,
  turn: Pick<TurnContext, "userId" | "agentId" | "prompt"> & {
    agent: { profile: { name: string; persona: { selfDescribesAsAI: boolean } } };
  },
  replyId: string,
  signal: AbortSignal,
  onFirstWords: () => void = () => {},
): Promise<WrittenReply> {
  const topic = topics.conversation(turn.userId, turn.agentId);
  const prompt = buildReplyPrompt(turn.prompt);
  const guard = {
    agentName: turn.agent.profile.name,
    selfDescribesAsAI: turn.agent.profile.persona.selfDescribesAsAI,
  };
  // A timer of its own, cleared with the reply: AbortSignal.timeout costs several times as much
  // per reply, and its timer outlives the reply.
  const timer = new AbortController();
  const timeoutTimer = setTimeout(
    () => timer.abort(new DOMException("The reply took too long.", "TimeoutError")),
    deps.settings.replyTimeoutMs,
  ).unref();
  const timeout = AbortSignal.any([signal, timer.signal]);
  // Whether the reply has words is asked once this turn is over, when the deltas below exist.
  const typing = new ReplyTyping(
    (typing) => deps.bus.publish(topic, { kind: "agent.typing", payload: { typing, replyId } }),
    () => deltas.hasWords,
  );
  const deltas = new ReplyDeltas(
    (text, index) => deps.bus.publish(topic, { kind: "reply.delta", payload: { replyId, text, index } }),
    onFirstWords,
  );
  try {
    let usage: ReplyUsage = { promptTokens: 0, completionTokens: 0 };
    let model = "";
    for (let attempt = 0; attempt < 2; attempt++) {
      const request = {
        // Read only by a composer that needs them: the offline engine composes from the context.
        get messages() {
          return prompt.messages;
        },
        context: prompt.context,
        maxTokens: deps.settings.maxReplyTokens,
        temperature: 0.8,
        seed: seedFrom(`${replyId}:${attempt}`),
      };
      const gate = new SentenceGate(guard);
      for await (const event of deps.replies.compose(request, timeout)) {
        if (event.type === "delta") {
          if (event.text.length > 0) await deltas.show(gate.push(event.text));
        } else {
          await deltas.show(gate.finish(event.text));
          model = event.model;
          usage = {
            promptTokens: usage.promptTokens + event.usage.promptTokens,
            completionTokens: usage.completionTokens + event.usage.completionTokens,
          };
        }
      }
      await deltas.flush();
      const shown = gate.released.trim();
      const verdict = checkSelfReference(gate.raw, guard).verdict;
      // Once the person has seen part of a reply it stands: a rewrite would take back what they read.
      if (verdict !== "regenerate" || attempt === 1 || shown.length > 0) {
        if (shown.length === 0)
          throw new ModelError("refused", "The reply came back empty.", { retryable: true });
        return { text: await withCrisisHelp(shown, prompt.context.personMessage, deltas), model, usage };
      }
      deps.logger.info({ replyId }, "reply broke character before any of it was shown; writing it again");
    }
    throw new ModelError("refused", "The reply could not be written in character.", { retryable: true });
  } catch (error) {
    if (
      timeout.aborted &&
      !signal.aborted &&
      !(error instanceof ModelError && error.kind !== "interrupted")
    ) {
      throw new ModelError("timeout", "The reply took too long; try again.", {
        retryable: true,
        cause: error,
      });
    }
    throw error;
  } finally {
    clearTimeout(timeoutTimer);
    await deltas.drop();
    await typing.end();
  }
}

/** A reply to a message that shows signs of crisis ends with where to find help, whatever model wrote it. */
async function withCrisisHelp(shown: string, personMessage: string, deltas: ReplyDeltas): Promise<string> {
  const language = crisisIn(personMessage);
  if (!language || namesCrisisHelp(shown)) return shown;
  const help = CRISIS_LINES[language];
  await deltas.show(` ${help}`);
  await deltas.flush();
  return `${shown} ${help}`;
}

export function isReplyModelError(error: unknown): error is ReplyModelError {
  return error instanceof ModelError;
}
