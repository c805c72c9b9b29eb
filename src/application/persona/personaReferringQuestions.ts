import type { ReplyContext } from "../prompt/replyContext.ts";
import { askedOf, askedOfOther } from "./personaAskedOfOther.ts";
import { asksMoreOfDraft } from "./personaDraftMore.ts";
import { asksForMore } from "./personaMoreToTell.ts";
import {
  ellipticLead,
  isQuestion,
  lastNamed,
  likeliestQuestion,
  questionAskedIn,
  questionFor,
} from "./personaQuestionForms.ts";
import { followsStory } from "./personaStoryFollowUps.ts";
import { topicOpenedAs } from "./personaTopicOpeners.ts";
import { asksWhyOfLast, asksWithoutMark } from "./personaWhyAsks.ts";

/** "What about you?", "and you?", "hbu": the last thing talked about, asked of the agent. */
const askedBack =
  /^\s*(?:(?:and|so|ok|okay|well)[,!]?\s+)?(?:(?:what|how) about|and) (?:you|yourself)\s*[?!.]*\s*$|^\s*you\s*\?\s*$/i;

export interface ReferredTurn {
  /** The message as what it refers to: "what about you?" after "I went hiking" is "what did you do?". */
  context: ReplyContext;
  /** The person asked for more of what the agent said: the reply must not say it again. */
  wantsMore: boolean;
  /** "Tell me more", "and then?": the reply tells something new, not only the answer's rest. */
  goesOn?: boolean;
  /** "Why?": the reply gives a reason, not the answer's rest said again. */
  asksWhy?: boolean;
}

/**
 * A turn that only makes sense against the one before it, read as the question it stands for:
 * the agent's own question turned back on it, the last question asked of a new subject or time,
 * or the last question asked again for more.
 */
export function referredTurn(context: ReplyContext, depth = 0): ReferredTurn {
  const said = context.personMessage;
  const stands = (personMessage: string | null, wantsMore = false): ReferredTurn =>
    personMessage ? { context: { ...context, personMessage }, wantsMore } : { context, wantsMore: false };
  if (depth > 2) return stands(null);
  const lastAgent = [...context.recentMessages].reverse().find((m) => m.author === "agent")?.text ?? "";
  // "What happened next?" after the agent told of its own life asks about that story; "more?" after
  // a draft it wrote, for more of the draft.
  if (followsStory(context) || asksMoreOfDraft(said, lastAgent)) return stands(null);
  // The person's last few messages, newest first, each read as what it stood for: read once, as
  // each of those reads the messages before it in turn.
  let earlierRead: string[] | undefined;
  const earlier = () =>
    (earlierRead ??= context.recentMessages
      .flatMap((m, i) => (m.author === "person" ? [i] : []))
      .slice(-3)
      .reverse()
      .map(
        (i) =>
          referredTurn(
            {
              ...context,
              personMessage: context.recentMessages[i]!.text,
              recentMessages: context.recentMessages.slice(0, i),
            },
            depth + 1,
          ).context.personMessage,
      ));
  const lastQuestion = () => earlier().find(isQuestion) ?? null;
  // "I had a long day. How was yours?": "yours" is the agent's own of what was just named.
  if (/\byours\b/i.test(said)) {
    const before =
      said
        .split(/(?<=[.!?])\s+/)
        .slice(0, -1)
        .join(" ") ||
      (earlier()[0] ?? "");
    const named = lastNamed(before);
    if (named) return stands(said.replace(/\byours\b/i, `your ${named}`));
  }
  if (askedBack.test(said)) {
    // What the person just told ("I went hiking") is asked back before the agent's own question
    // about it ("How was it?"), which reads as nothing asked of the agent.
    const told = earlier().map(questionFor);
    return stands(
      told.find((found) => found?.sure)?.question ??
        questionAskedIn(lastAgent) ??
        likeliestQuestion(told) ??
        "how are you?",
    );
  }
  // "Why?" to an answer asks for the reasons behind it, even when the answer ended on a question
  // of the agent's ("…How's your evening?"); after the agent only asked, it asks why it asked.
  const lastPerson = [...context.recentMessages].reverse().find((m) => m.author === "person")?.text ?? "";
  const why =
    asksWhyOfLast(said) &&
    (isQuestion(lastPerson) || asksWithoutMark(lastPerson) || !lastAgent.trim().endsWith("?"));
  // "And then my bus was late" tells something; "and then?" asks for it.
  if (asksForMore.test(said) && !/\b(?:my|I|I'm|we|he|she|they)\b/i.test(said))
    return { ...stands(lastQuestion(), true), wantsMore: true, goesOn: true };
  if (asksForMore.test(said)) return stands(lastQuestion(), true);
  if (why) {
    const asked = asksWithoutMark(lastPerson) ? `${lastPerson}?` : lastQuestion();
    return asked ? { ...stands(asked, true), asksWhy: true } : { ...stands(null), asksWhy: true };
  }
  // "Let's talk about music": the agent's own take on it is asked.
  const opened = topicOpenedAs(said, context.agent.interests);
  if (opened) return stands(opened);
  const elliptic = ellipticLead(said, earlier()[0] ?? null);
  if (elliptic) return stands(elliptic);
  const otherAsked = askedOfOther.exec(said);
  const other = otherAsked?.[1] ?? otherAsked?.[2];
  const last = earlier()[0];
  if (
    other &&
    !/^(?:you|yourself|it|that|this)$/i.test(other) &&
    last &&
    (isQuestion(last) || asksWithoutMark(last))
  )
    return stands(askedOf(last, other));
  return stands(null);
}
