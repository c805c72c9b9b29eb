import { addressName } from "../prompt/calledName.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { answerEachQuestion } from "./personaEachQuestion.ts";
import type { Recollection } from "./personaMemoryReading.ts";
import { voiceOf } from "./personaMoods.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { reaction } from "./personaReactions.ts";
import type { MessageReading } from "./personaReading.ts";
import { soundsUnknown } from "./personaReasons.ts";
import { alreadySaid, type Part } from "./personaReplyParts.ts";
import { clock, currentActivity, todaysWork } from "./personaSmallTalk.ts";
import { answerTurn } from "./personaTurnAnswers.ts";

/**
 * Replies shaped by the agent's availability: drowsy when woken, short when busy. Either says so
 * once per stretch (see `ReplyContext.stretchGoesOn`) and then just answers.
 */

/** Woken up: a drowsy line (the first time only, that it was woken), the answer, and "tomorrow". */
export function sleepyReply(
  context: ReplyContext,
  reading: MessageReading,
  recollection: Recollection | null,
  random: SeededRandom,
): Part[] {
  if (reading.farewell) {
    // "Can we talk tomorrow?" as a goodnight: the yes comes with it.
    const yes = answerTurn(reading, context, recollection, random).sentences[0];
    return [
      { text: `Mm… Night, ${addressName(context)}…`, priority: 0 },
      ...(yes && !soundsUnknown(yes) ? [{ text: yes, priority: 1 }] : []),
      { text: "Sleep well", priority: 1 },
    ];
  }
  const woken = "You woke me up… Hi…";
  // Once awake for this person, the reply no longer says so every time: a sleepy "Mm…" at most.
  // A hello is answered with one, by name.
  const awake = context.stretchGoesOn === true;
  const drowsy =
    awake || alreadySaid(woken, context) || saidTheHour(context)
      ? random.pick(["Mm…", "Still half asleep…", `Still half asleep, ${addressName(context)}…`])
      : reading.greeting
        ? `Mm… Hi, ${addressName(context)}. It's ${clock(context)} here…`
        : random.pick([`Mm… ${addressName(context)}? It's ${clock(context)} here…`, woken]);
  const answer = shortAnswer(answerTurn(reading, context, recollection, random).sentences);
  const reacted =
    reading.kind === "greeting" ? null : reaction(context, reading, voiceOf(context.mood.name), random);
  const answering = answer ?? reacted;
  const later = random.pick(["Can we talk tomorrow?", "Tell me everything in the morning?"]);
  // An answer that asks something back waits for that answer, not for the morning.
  const asks = answering?.endsWith("?") === true;
  return [
    ...(awake && answering && random.chance(0.6) ? [] : [{ text: drowsy, priority: 0 }]),
    ...(answering ? [{ text: answering, priority: 1 }] : []),
    ...((awake && answering) || asks ? [] : [{ text: later, priority: answering ? 2 : 1 }]),
  ];
}

/** Busy: one line on why it is short, one that still answers the turn, and a promise to talk later. */
export function briefReply(
  context: ReplyContext,
  reading: MessageReading,
  recollection: Recollection | null,
  random: SeededRandom,
): Part[] {
  // Said once is enough: the next replies of the busy stretch answer without it, even when the
  // line has left the recent messages.
  const busy = `Can't talk long — ${lowerStart(currentActivity(context))}`;
  const said =
    context.stretchGoesOn ||
    context.recentMessages.some((m) => m.author === "agent" && m.text.startsWith("Can't talk long")) ||
    alreadySaid(busy, context);
  const reacted = reaction(context, reading, voiceOf(context.mood.name), random);
  const each = answerEachQuestion(context, reading, recollection, random);
  const answer = shortAnswer(each.answer.sentences);
  // "Can we talk tomorrow?" said as a goodbye: the yes, then the goodbye.
  const farewellAnswer = reading.kind === "farewell" && answer && !soundsUnknown(answer) ? answer : null;
  const answering =
    reading.kind === "greeting" || (reading.kind === "farewell" && !farewellAnswer)
      ? reacted
      : (answer ?? reacted);
  // An answer that says what today's work is already says why the reply is short.
  const why = answering?.includes(todaysWork(context)) ? null : busy;
  const parts: Part[] = said || !why ? [] : [{ text: why, priority: 0 }];
  // Nothing to answer later in the stretch: a word to what they said, not the promise again.
  // A reaction alone ("Oh!") says nothing to what was told; an answer of one word ("Heights") does.
  // "Anytime" is all a thank-you needs.
  const bare =
    !answering || (answering !== answer && !reading.thanks && /^\p{L}+[.!…]*$/u.test(answering.trim()));
  const heard =
    said && bare
      ? reading.feeling === "bad"
        ? "Ugh, sorry — tell me more later?"
        : reading.feeling === "good" || reading.phrase
          ? "Ooh, tell me everything later"
          : random.pick(["Ha, noted", "Fair enough"])
      : answering;
  if (heard) parts.push({ text: heard, priority: 1 });
  // Busy, but a message that asks two things still gets both answered.
  if (heard === answer && each.other) {
    parts.push({ text: each.other.text, priority: 1 });
    // Two answers fill a short reply: why it is short comes only if there is room.
    if (!said && why) parts[0] = { text: why, priority: 2 };
  }
  if (farewellAnswer && reacted && reacted !== farewellAnswer) parts.push({ text: reacted, priority: 1 });
  // The promise to talk later comes with the first reply of the stretch, not with every one.
  if (!said && !farewellAnswer) {
    const later = random.pick(["Talk properly later?", "I'll message you when I'm free"]);
    // After an answer that asks something back, a second question would bury the first.
    const asked = parts.at(-1)?.text.endsWith("?") === true;
    parts.push({ text: asked ? "I'll message you when I'm free" : later, priority: 2 });
  }
  return parts;
}

/**
 * An answer cut short for a short reply: its first sentence and, when it goes on to ask
 * something back ("Not crazy at all… What's drawing you to it?"), that question, which is
 * half of what it answers.
 */
function shortAnswer(sentences: readonly string[]): string | undefined {
  const [first, ...rest] = sentences;
  const question = rest.findLast((sentence) => sentence.trim().endsWith("?"));
  if (first === undefined || question === undefined) return first;
  return `${/[.!?…]$/.test(first.trim()) ? first.trim() : `${first.trim()}.`} ${question}`;
}

/** "Mm… Sam? It's 02:30 here…" was said this stretch: being woken is not said again. */
function saidTheHour(context: ReplyContext): boolean {
  return context.recentMessages.some(
    (m) => m.author === "agent" && /^Mm… .*\bIt's \d\d:\d\d here…/.test(m.text),
  );
}

function lowerStart(text: string): string {
  return text.startsWith("I") ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
