import type { ReplyContext } from "../prompt/replyContext.ts";
import { bigDecisionOf } from "./personaBigDecisions.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";
import { isStatement } from "./personaTurnReadings.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * A step the person is torn over ("I don't know if I should quit", "should I quit or talk to HR?",
 * "my husband thinks it's too risky"): weighed with them — what pulls each way, what they want —
 * and tied to what they told before it, not met as news to ask about.
 */

const UNSURE =
  /\bI (?:don'?t|do not|dont|can'?t|cannot) (?:know|decide|tell|figure out) (?:if|whether) (?:or not )?I (?:should|ought to|want to|need to)\s+([^?.!]{2,60}?)(?:\s+or not)?\s*(?:[?.!]|$)/i;
const EITHER =
  /\b(?:should I|do I|I (?:can'?t|cannot|don'?t know whether to) (?:decide|choose)?(?: whether to)?)\s+([^?.!,]{2,40}?),? or (?:should I |do I )?([^?.!,]{2,40}?)\s*(?:[?.!]|$)/i;
const TORN = /\bI'?m (?:torn|stuck) between ([^?.!,]{2,40}?) and ([^?.!,]{2,40}?)\s*(?:[?.!]|$)/i;
/** "my husband thinks it's too risky": someone close doubts the step. */
const DOUBTER =
  /^\s*(?:and |but |yeah,? |also )?((?:my|our) [\p{L}' ]{2,25}?) (?:thinks?|says?|reckons?|feels?) (?:that )?(?:it'?s|it is|it would be|it'd be|that'?s) ((?:too |way too |really |a bit )?(?:risky|crazy|a bad idea|a mistake|stupid|reckless|too much|irresponsible|unrealistic))\b/iu;

/** The options the person is torn between, turned toward them; null when no dilemma is said. */
export function dilemmaOf(text: string): string[] | null {
  const either = EITHER.exec(text) ?? TORN.exec(text);
  if (either?.[1] && either[2] && !/^(?:not|no)$/i.test(either[2].trim()))
    return [towardPerson(either[1].trim()), towardPerson(either[2].trim())];
  const unsure = UNSURE.exec(text)?.[1];
  return unsure ? [towardPerson(unsure.trim())] : null;
}

export function answerDilemma(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const doubter = DOUBTER.exec(text);
  if (doubter?.[1] && doubter[2]) {
    const step = toldStep(context);
    const who = towardPerson(doubter[1].trim());
    return [
      `${capitalize(who)} thinks ${step ? `${step} is` : "it's"} ${doubter[2].toLowerCase()} — that's worth hearing, and it's still your call`,
      "What pulls you toward it, and what would have to be true for it to feel right?",
      "And what do you want, if you set their worry aside for a second?",
    ];
  }
  const options = dilemmaOf(text);
  if (!options) return null;
  const told = toldBefore(context);
  const because = told ? `After ${told}, of course you're asking yourself that` : null;
  if (options.length === 2) {
    const [first, second] = options as [string, string];
    return [
      ...(because ? [because] : []),
      `${/^\p{L}+ing\b/iu.test(first) ? `So it's ${first} or ${second}` : `So you could ${first}, or you could ${second}`} — ${random.pick(["both are fair", "neither is wrong"])}`,
      "What pulls you toward the first, and what makes the second feel safer?",
      "If nobody else had a say, which one would you pick?",
    ];
  }
  const [step] = options as [string];
  return [
    because ?? random.pick(["That's a real question, and it's okay not to know yet", "It's a big one"]),
    `On one side, you could ${step} and ${told ? "be out of that" : "see what changes"}; on the other, it costs something too — money, security, what you'd leave behind`,
    `What's pulling you toward it most — and what do you actually want?`,
  ];
}

/**
 * What the person told in the last few turns ("your boss yelled at you in front of everyone"),
 * toward them; a "yeah" or "idk" in between does not hide it.
 */
function toldBefore(context: ReplyContext): string | null {
  const told = context.recentMessages.filter((m) => m.author === "person" && !m.superseded).slice(-3);
  for (const { text } of told.reverse()) {
    if (!isStatement(text) || dilemmaOf(text)) continue;
    const clause = text
      .split(/(?<=[.!?])\s+/)[0]
      ?.replace(/[.!?]+\s*$/, "")
      .replace(/\s+today$/i, "")
      .trim();
    if (!clause || clause.split(/\s+/).length > 14 || !/^(?:my|our|I)\b/i.test(clause)) continue;
    // "I got yelled at": kept as told; "I'm so tired": a feeling, not something that happened.
    if (/^I(?:'m| am)\b/i.test(clause)) continue;
    return lowerStart(towardPerson(clause));
  }
  return null;
}

/** The step the person told of in the turns before ("quitting your job"), if any. */
function toldStep(context: ReplyContext): string | null {
  for (const message of context.recentMessages.filter((m) => m.author === "person").reverse()) {
    const step = bigDecisionOf(message.text)?.step ?? dilemmaOf(message.text)?.[0];
    if (step) return step;
  }
  return null;
}

function lowerStart(text: string): string {
  return /^you\b/i.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
