import { addressName } from "../prompt/calledName.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { pastimeOf } from "./personaPastimes.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * Asks a friend answers with the thing itself, not "tell me what you need": a first draft of a
 * text or a speech ("help me write a text to my sister"), a dinner idea, a little secret.
 */
export function answerWritingOrIdea(
  text: string,
  context: ReplyContext,
  random: SeededRandom,
): string[] | null {
  const writing = writingAsked.exec(text);
  if (writing) return draftFor(writing[1]!.toLowerCase(), text, context, random);
  if (recipeAsked.test(text)) {
    const meatFree = /\b(?:vegetarian|vegan)\b/i.test(
      [...context.memories.map((m) => m.text), ...personSaid(context)].join(" "),
    );
    return [
      `Okay, here's one: ${random.pick(meatFree ? MEAT_FREE : [...MEAT_FREE, ...WITH_MEAT])}`,
      random.pick(["Easy, quick, and hard to get wrong", "Tell me if you make it!"]),
    ];
  }
  if (secretAsked.test(text))
    return [
      `Okay, a secret: ${random.pick([
        `I'm secretly terrible at ${pastimeOf(context.agent.interests, random, "cooking")}, and I love it anyway`,
        "I'm a champion at talking to myself at work — full conversations, both sides",
        "I still keep every birthday card anyone ever gave me, in a shoebox under the bed",
      ])}`,
      "Now you know more than most people do",
    ];
  return null;
}

const writingAsked =
  /\b(?:help me (?:write|draft|start|word|with)|write me|can you (?:write|draft)|(?:what|how) should i (?:write|text|say) in)\b[^?.!]*?\b(text|message|msg|speech|toast|card|email|e-mail|note|letter)\b/i;
const recipeAsked =
  /\b(?:recipe|(?:dinner|lunch|breakfast|meal|cooking|food) (?:idea|suggestion|inspo)s?|what (?:should|can|could) (?:i|we) (?:cook|make) for (?:dinner|lunch|tonight))\b/i;
const secretAsked =
  /\b(?:(?:something|one thing|a thing) (?:about you )?(?:nobody|no one|no-one|few people) knows?|tell me a secret|your (?:biggest )?secret|(?:a )?fun fact about you(?:rself)?)\b/i;

const MEAT_FREE = [
  "pasta with garlic, chilli, lemon and lots of parmesan — ten minutes, start to finish",
  "a chickpea and spinach curry with coconut milk, over rice",
  "roast vegetables and halloumi on one tray, with a yoghurt and herb sauce",
];
const WITH_MEAT = [
  "one-pan lemon chicken with potatoes — forty minutes in the oven and nothing to watch",
  "a quick beef and broccoli stir-fry with ginger and soy, over rice",
];

function draftFor(kind: string, text: string, context: ReplyContext, random: SeededRandom): string[] {
  const relation = /\b(?:to|for) (?:my|our) ([\p{L}]+)/u.exec(text)?.[1] ?? null;
  const name = relation ? nameOf(relation, context) : null;
  const whom = name ?? (relation ? `your ${relation}` : "");
  if (kind === "speech" || kind === "toast") {
    const about = name ?? marryingName(context) ?? "the happy couple";
    return [
      `Here's an opening: "Good evening, everyone — I'm ${addressName(context)}, and I've known ${about} long enough to have stories I promised not to tell, so here are just a few." Then one short story, one thing you admire, and raise your glass`,
      "Keep it under three minutes and you'll be the best speech of the night",
    ];
  }
  const hello = name ? `Hey ${name}` : "Hey you";
  return [
    `Here's a start: "${hello}! ${random.pick([
      "Just thinking of you and wanted to say hi. Call me when you're free?",
      "I miss you — let's catch up properly soon. How are you doing, really?",
    ])}" Then change the words until they sound like you`,
    whom ? `${capitalize(whom)} will love hearing from you` : "Short and warm is all it needs",
  ];
}

/** The name the person gave someone ("my sister Anja"), in what they said or what is remembered. */
function nameOf(relation: string, context: ReplyContext): string | null {
  const named = new RegExp(
    `\\b(?:my|your|our) ${relation}(?:'s name is|,| is called| named| called)? (\\p{Lu}[\\p{L}'-]+)`,
    "u",
  );
  for (const text of [...personSaid(context).reverse(), ...context.memories.map((m) => m.text)]) {
    const found = named.exec(text)?.[1];
    if (found) return found;
  }
  return null;
}

/** Whoever the person said is getting married ("my brother Luis is getting married in June"). */
function marryingName(context: ReplyContext): string | null {
  for (const text of [...personSaid(context).reverse(), ...context.memories.map((m) => m.text)]) {
    if (!/\b(?:married|wedding)\b/i.test(text)) continue;
    const found = /\b(?:my|your|our) [\p{L}]+ (\p{Lu}[\p{L}'-]+)/u.exec(text)?.[1];
    if (found) return found;
  }
  return null;
}

function personSaid(context: ReplyContext): string[] {
  return context.recentMessages.filter((m) => m.author === "person").map((m) => m.text);
}
