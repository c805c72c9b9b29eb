import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * A name asked about: "what do you think about naming her Ama?" gets a real opinion on the name;
 * "help me pick a name for her" gets names to choose from. Null when no name is asked about.
 */
export function answerNameOpinion(context: ReplyContext, random: SeededRandom): string[] | null {
  const text = context.personMessage;
  const named = nameAsked.exec(text);
  const name = named ? capitalize(named[2] ?? named[4]!) : null;
  if (named && name && !notNames.test(name)) {
    const who = named[1] ?? named[3] ?? "";
    const [whom, whose] = /\b(?:him|boy|son)\b/i.test(who)
      ? ["him", "his"]
      : /\b(?:her|girl|daughter)\b/i.test(who)
        ? ["her", "her"]
        : ["them", "their"];
    return [
      random.pick([`${name} — I love it`, `Oh, ${name} is lovely`, `${name}? I really like that`]),
      random.pick([
        `It's short and warm, easy to say in any language, and it'll suit ${whom} at every age`,
        `It sounds gentle but strong, and there won't be three others with it in ${whose} class`,
      ]),
      "Does it mean something to you?",
    ];
  }
  const pick = pickAsked.exec(text);
  if (!pick) return null;
  const boy = /\b(?:him|his|boy|son)\b/i.test(pick[0]);
  const names = boy
    ? random.pick([
        ["Leo", "Kai", "Theo"],
        ["Noah", "Kofi", "Elias"],
      ])
    : random.pick([
        ["Ama", "Nora", "Lina"],
        ["Maya", "Zara", "Elena"],
      ]);
  return [
    `Ooh, I'd love to help. My favourites: ${names[0]}, ${names[1]} or ${names[2]} — and if I had to choose just one, ${names[0]}`,
    "Say each one out loud with your surname; the right one usually sounds like it was always there",
  ];
}

/** "What do you think about naming her Ama?", "do you like the name Ama?", "how about calling him Kai?" */
const nameAsked =
  /\b(?:think (?:about|of)|how about|what about|do you like|thoughts on|opinion (?:on|of)) (?:(?:naming|calling) (her|him|the baby|our (?:girl|boy|daughter|son)|it)|the name) ([\p{L}'-]+)|\b(?:naming|calling) (her|him|the baby|it) ([\p{L}'-]+)\s*\?/iu;

const notNames = /^(?:of|for|you|your|it|the|a|an|my|our|after|something|that|this)$/i;

/** "Help me pick a name for her", "what should we call the baby?": a baby's name, not a plant's. */
const pickAsked =
  /\b(?:help (?:me|us)|can you|could you) (?:pick|choose|find|think of) (?:a )?(?:baby names?|names? for (?:her|him|the baby|our (?:girl|boy|daughter|son)))\b|\bwhat should (?:we|i) (?:call|name) (?:her|him|the baby|our (?:girl|boy|daughter|son))\b|\b(?:any|got any|suggest (?:a|some)) (?:good )?(?:baby names?|names? for (?:her|him|a (?:girl|boy)|the baby))\b/i;
