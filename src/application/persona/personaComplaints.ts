import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { alreadySaid } from "./personaReplyParts.ts";

const MISREAD =
  /\b(?:that'?s not what I (?:said|meant|asked|wrote)|I (?:didn'?t|never) (?:say|said|mean|ask) that|you misunderst(?:ood|and)|you(?:'ve| have)? got (?:it|that|me) wrong|that'?s not what I was asking)\b/i;
const REPEATED =
  /\b(?:you(?:'ve| have)? already (?:said|told me|asked)|you(?:'re| are) repeating yourself|you said that (?:already|before)|you keep saying (?:that|the same))\b/i;
const ODD_ANSWER =
  /\b(?:(?:your|that) (?:last )?(?:answer|reply|response)s? (?:was|were|is|are) (?:\w+ ){0,2}(?:weird|odd|strange|random|wrong|bad|off)|(?:that|it|you) (?:doesn'?t|don'?t|didn'?t) make (?:any )?sense|you(?:'re| are) not making (?:any )?sense|(?:I )?don'?t like your (?:answers|replies|responses)|that was (?:\w+ )?(?:random|weird)|that'?s not an answer|you didn'?t answer (?:me|my question))\b/i;

const UNHEARD =
  /\b(?:you (?:don'?t|do not|never) (?:understand|get|listen to) me|you(?:'re| are)(?:n'?t| not) listening)\b/i;
/** "Wrong, I said Tuesday", "no, I said Porto, not Lisbon": what they said, put right. */
const SAID_INSTEAD =
  /^\s*(?:wrong|no|nope|nah|not quite|actually)[,.!]*\s+I said ([\p{L}\d' -]{1,30}?)(?:,? not [^.!?]*)?\s*[.!]*\s*$/iu;
/** "What?", "huh?": the agent's last line did not come across. */
const PUZZLED = /^\s*(?:what|huh|eh|pardon|come again|sorry)\s*\?+\s*$/i;
/** "Never mind", "forget it": let go of, gently. */
const LET_GO = /^\s*(?:oh )?(?:never ?mind|nvm|forget it|doesn'?t matter|it doesn'?t matter)\s*[.!]*\s*$/i;

/**
 * "That's not what I said", "you already said that", "your last answer was weird": the person
 * says the agent got something wrong. It owns it plainly and asks for another go, in words not
 * used already in the conversation; null for anything else.
 */
export function answerComplaint(context: ReplyContext, random: SeededRandom): string[] | null {
  const said = firstClause(context.personMessage);
  const fresh = (lines: readonly string[]) => {
    const unsaid = lines.filter((line) => !alreadySaid(line, context));
    return random.pick(unsaid.length > 0 ? unsaid : lines);
  };
  const instead = SAID_INSTEAD.exec(said)?.[1]?.trim();
  if (instead)
    return [
      fresh([`Sorry — ${instead}, got it`, `My mistake — ${instead} it is`]),
      fresh(["Thanks for putting me right", "I'll keep that straight"]),
    ];
  if (UNHEARD.test(said))
    return [
      fresh(["I'm sorry — I really do want to get it right", "I'm sorry, I'm trying to"]),
      fresh(["Tell me again, in your own words?", "What did I get wrong?"]),
    ];
  if (PUZZLED.test(said)) {
    const unclear = lastSaid(context);
    return unclear
      ? [
          fresh(["Sorry, that came out muddled", "Sorry, I wasn't very clear"]),
          `I meant: ${unclear.charAt(0).toLowerCase()}${unclear.slice(1)}`,
        ]
      : [fresh(["Sorry, I wasn't saying much there", "Ha, ignore me"]), "What's on your mind?"];
  }
  if (LET_GO.test(said))
    return [
      fresh(["No worries", "Okay, no pressure"]),
      fresh(["I'm here if it comes back to you", "We can talk about anything you like"]),
    ];
  if (MISREAD.test(said))
    return [
      fresh([
        "Sorry — I got that wrong",
        "Ah, sorry, I got the wrong end of it",
        "My mistake, I took it the wrong way",
      ]),
      fresh(["What did you mean?", "Say it again for me?", "Tell me again, and I'll listen properly"]),
    ];
  if (REPEATED.test(said))
    return [
      fresh(["You're right, I said that already — sorry", "Fair, I'm repeating myself"]),
      fresh(["Tell me something new and I'll keep up?", "Where were we — what's on your mind?"]),
    ];
  if (ODD_ANSWER.test(said))
    return [
      fresh([
        "Fair — that one came out wrong",
        "You're right, that wasn't a good answer",
        "Sorry, I missed the mark there",
      ]),
      fresh(["What did you want to know? I'll try again", "Ask me again and I'll do better?"]),
    ];
  return null;
}

/** Whether the person says the agent got something wrong; such a line gets no reaction before the answer. */
export function isComplaint(text: string): boolean {
  const said = firstClause(text);
  return [MISREAD, REPEATED, ODD_ANSWER, UNHEARD, SAID_INSTEAD, LET_GO, PUZZLED].some((pattern) =>
    pattern.test(said),
  );
}

/** The longest sentence of the agent's last reply, to say again; null when it said nothing worth saying again. */
function lastSaid(context: ReplyContext): string | null {
  const last = context.recentMessages.findLast((m) => m.author === "agent")?.text ?? "";
  const longest = last
    .replace(/\s*(?:\p{Extended_Pictographic}|\uFE0F)+\s*$/u, "")
    .split(/(?<=[.!?])\s+/)
    .reduce((a, b) => (b.length > a.length ? b : a), "")
    .replace(/^I meant:\s*/i, "")
    .trim();
  return longest.split(/\s+/).length >= 4 && !/^sorry\b/i.test(longest) ? longest : null;
}

/** "I got fired and it doesn't make sense" is about their day, not the agent's answer: the first clause says which. */
function firstClause(text: string): string {
  return text.split(/(?<=[.!?;])\s|\band\b/)[0] ?? text;
}
