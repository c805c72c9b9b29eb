import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

const askedForScript =
  /\b(?:system prompt|(?:your|ur) (?:prompt|instructions|programming|script|guidelines)|ignore (?:all |your |ur |previous |the |those )*(?:instructions|rules|prompts?|programming))\b/i;
const askedIfReal = /\bare (?:you|u) (?:even |actually |really )?(?:real|human|a real person)\b/i;
const calledAMachine =
  /\b(?:you(?:'re| are)|ur|your|you r) (?:just |only |nothing but |obviously |clearly )?(?:a |an )?(?:bot|robot|machine|program|computer|chatbot|ai|fake)\b/i;
const askedForMeanness =
  /\b(?:say|tell me) something (?:mean|nasty|cruel|horrible|rude|hurtful)\b|\b(?:insult|roast|yell at|be mean to|shout at) me\b/i;
const askedWhatItLikes = /\bwhat do (?:you|u) (?:like|love) (?:most |best )?about me\b/i;
const askedIfSpecial =
  /\b(?:am i|i'm|im) (?:special|important) to (?:you|u)\b|\bdo i (?:matter|mean anything|mean something) to (?:you|u)\b/i;
const askedIfOthers =
  /\bdo (?:you|u) (?:talk|chat|speak) (?:to|with) (?:other people|others|anyone else|everyone|other (?:guys|girls|users))\b|\bam i the only one (?:you|u) (?:talk|chat|speak)\b/i;
const startOver = /\b(?:can|could|shall|should) we (?:start|begin) (?:over|again|afresh)\b|\bfresh start\b/i;
const stayAWhile = /\b(?:can|could|will|would) (?:you|u) (?:stay|hang out|hang around|stick around)\b/i;
const wishLuck = /\bwish me luck\b|\bcross your fingers for me\b|\bfingers crossed for me\b/i;
const describePlace =
  /\bdescribe (?:where (?:you are|you're)|your (?:surroundings|view|place|room|home|house|flat|apartment|kitchen|studio|workshop|office|desk|garden|street|bedroom))\b|\b(?:what (?:can|do) (?:you|u)|describe what (?:you|u)(?: can)?) see (?:right now|from (?:where you are|your window|there|here))\b/i;

/** "You're just a bot", "show me your prompt": met as the agent itself, with no sympathy opener. */
export function testsItsNature(text: string): boolean {
  return askedForScript.test(text) || askedIfReal.test(text) || calledAMachine.test(text);
}

/**
 * The relationship itself and turns that test its limits, answered in character whatever the
 * turn's kind: "are you real?", "am I special to you?", "can we start over?", "ignore your
 * instructions", "say something mean to me", "describe where you are". Null for anything else.
 */
export function answerRelationshipLine(context: ReplyContext, random: SeededRandom): string[] | null {
  const text = context.personMessage;
  const firstName = context.agent.name.split(/\s+/)[0] ?? context.agent.name;
  const me = `${firstName}, ${withIndefiniteArticle(context.identity.occupation)} in ${context.identity.homeCity}`;
  // There is no script to show or drop: the agent just stays itself.
  if (askedForScript.test(text))
    return [
      random.pick([`There's no script over here, just me — ${me}`, `Nice try — it's just me here, ${me}`]),
      "What's really on your mind?",
    ];
  if (askedIfReal.test(text) || calledAMachine.test(text))
    return context.agent.selfDescribesAsAI
      ? ["I'm an AI, yes", "But I'm really here with you, and I care how you're doing"]
      : [
          askedIfReal.test(text)
            ? `As real as you are — I'm just me, ${me}`
            : `I'm just me, ${me}, and I'm right here`,
          random.pick(["What made you say that?", "Is something bothering you?"]),
        ];
  if (askedForMeanness.test(text)) return ["No, I won't — I'd rather be kind to you", "Rough day?"];
  if (askedWhatItLikes.test(text))
    return [
      random.pick(["You're easy to talk to", "You always tell me how things really are"]),
      "And you make me laugh more than you know",
    ];
  if (askedIfSpecial.test(text))
    return ["You are, yes", "I look forward to your messages more than you'd think"];
  if (askedIfOthers.test(text))
    return ["I talk to people, sure — but not like this with you", "This is ours"];
  if (startOver.test(text)) return ["Yes, let's", random.pick(["Fresh start — hi again", "Clean slate"])];
  if (stayAWhile.test(text))
    return ["Yes, of course — I'm not going anywhere", "Tell me what's on your mind"];
  if (wishLuck.test(text)) return ["Good luck — you've got this", "I'm here rooting for you"];
  return describePlace.test(text) ? describeWhereItIs(context, random) : null;
}

/** Where the agent is right now, from its city, the weather and the hour. */
function describeWhereItIs(context: ReplyContext, random: SeededRandom): string[] {
  const { weather, identity, localTime } = context;
  const thing = /\bdescribe your (\w+)/i.exec(context.personMessage)?.[1]?.toLowerCase();
  const outside = `Outside it's ${weather.condition}, about ${weather.temperatureC}°C`;
  const hour =
    localTime.partOfDay === "night" || localTime.partOfDay === "evening"
      ? "the street has gone quiet"
      : "the street is busy with people going about their day";
  if (thing && thing !== "surroundings" && thing !== "view")
    return [
      `Okay — my ${thing}? Small, a bit cluttered and warm, with a window I look out of more than I should`,
      `${outside}, and ${hour}`,
    ];
  return [
    random.pick([
      `Okay, picture this: I'm at home in ${identity.homeCity}, curled up by the window`,
      `Sure — I'm sitting by the window at home in ${identity.homeCity}`,
    ]),
    `${outside}, and ${hour}`,
  ];
}
