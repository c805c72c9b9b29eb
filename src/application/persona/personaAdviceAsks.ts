import type { ReplyContext } from "../prompt/replyContext.ts";
import { fixedForAgent, type SeededRandom } from "./personaRandom.ts";

/** Advice the agent was once given, and who gave it: one per agent, the same every time it is asked. */
const GIVEN: readonly (readonly [string, string])[] = [
  ["My grandmother", "never go to bed angry, and never go shopping hungry"],
  ["An old teacher of mine", "done is better than perfect"],
  ["My first boss", "ask the question everyone else is too embarrassed to ask"],
  ["My dad", "if it won't matter in five years, don't spend more than five minutes upset about it"],
  ["A friend of mine", "you don't have to be good at something to enjoy it"],
  ["My mum", "be kind, but don't be a doormat"],
  ["A stranger on a train", "say yes to the things that scare you a little"],
  ["My aunt", "always carry a snack and an umbrella — the rest you can figure out"],
];

/**
 * Questions about advice that name no topic: the best advice the agent was given (or would give its
 * younger self), "what would you do if you were me?", and a bare "I need advice" — which asks what
 * it is about instead of handing out a tip about nothing. Null for anything else.
 */
export function answerAdviceAsk(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  if (
    /\b(?:best|worst|good|favou?rite|most useful)\b[^?.!]*\badvice\b[^?.!]*\b(?:you|u)\b|\badvice (?:have|did) (?:you|u) (?:ever )?(?:get|got|gotten|receive|been given)\b|\blife lessons?\b|\byour motto\b/i.test(
      text,
    )
  ) {
    const [who, advice] = givenAdvice(context);
    return [
      `${who} told me: ${advice}`,
      random.pick(["I still think about it all the time", "It's saved me more than once"]),
    ];
  }
  if (
    /\b(?:advice|tell) (?:would you give |to )?your (?:younger|past|teenage) self\b|\byounger self\b/i.test(
      text,
    )
  ) {
    const [who, advice] = givenAdvice(context);
    return [
      "Worry less, honestly",
      `And listen sooner to what ${who.charAt(0).toLowerCase()}${who.slice(1)} told me: ${advice}`,
    ];
  }
  // "Could I ever learn tango?": yes, and how to begin.
  const asked =
    /\b(could|can|would|will) I (?:ever |really |actually )?(?:learn|get good at|pick up|do) ([\p{L}\d ]{2,30}?)\s*[?!.]*$/iu.exec(
      text,
    );
  const learn = asked?.[2];
  if (learn)
    return [
      `Of course you ${asked![1]!.toLowerCase() === "can" ? "can" : "could"} — everyone starts ${/\bleft feet\b/i.test(text) ? "with two left feet" : "somewhere"}`,
      /^to\b|\d/i.test(learn)
        ? "Ten minutes a day is enough, and you'd surprise yourself"
        : random.pick([
            `Find a beginners' class for ${learn.toLowerCase()} and give it three honest weeks`,
            "Ten minutes a day is enough, and you'd surprise yourself",
          ]),
    ];
  if (/\b(?:if you were me|in my (?:shoes|place|position))\b/i.test(text))
    return [
      random.pick([
        "Honestly? I'd sleep on it, then go with my gut",
        "I'd give it a day, then do what scares me a little less",
      ]),
      "Tell me what's pulling you each way",
    ];
  if (
    /^\s*(?:(?:can|could|may) I (?:ask|get|have) (?:for )?(?:your |some )?advice|(?:can|could|would) you (?:give me )?(?:some |any )?advice|I (?:need|want|could use) (?:some |your )?advice|(?:got|have you got|any) (?:some )?advice)(?:,? (?:please|for me|from you))?\s*[?.!]*\s*$/i.test(
      text,
    )
  )
    return [random.pick(["Of course", "Always", "Sure, I'm listening"]), "What's going on?"];
  return null;
}

/** The advice the agent was given, picked once for it. */
function givenAdvice(context: ReplyContext): readonly [string, string] {
  return fixedForAgent(context, "best advice").pick(GIVEN);
}
