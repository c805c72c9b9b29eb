import type { ReplyContext } from "../prompt/replyContext.ts";
import { namedInterest } from "./personaOwnInterests.ts";
import { type SeededRandom, seededRandom } from "./personaRandom.ts";
import { todaysWork, workThings } from "./personaSmallTalk.ts";

/**
 * Small talk about the agent's week: "what are you building this week?", "what are you baking this
 * weekend?" — answered from its work or its interests, in its own words. "Favourite wood and why?"
 * to a carpenter: a favourite of its own craft, with the reason. Null for anything else.
 */

const WHAT_ARE_YOU =
  /^\s*(?:(?:so|and|hey|ok|okay)[,!]?\s+)?what (?:are|r) (?:you|u) ([a-z]+ing)(?: on)?\s+(this week|this weekend|at the weekend|next week|tomorrow)\b[^?]*\??\s*$/i;
/** Verbs that make something, which a trade or a pastime does; "doing" and the like ask elsewhere. */
const MAKING =
  /^(?:build|mak|fix|repair|mix|record|writ|draw|paint|design|cook|bak|sew|knit|grow|plant|shoot|edit|cod|craft|carv|brew|prepar)/i;

export function answerWeekTalk(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const asked = WHAT_ARE_YOU.exec(text);
  if (asked?.[1] && asked[2]) {
    const [, verb, when] = asked as unknown as [string, string, string];
    const weekend = /weekend/i.test(when);
    const interest = namedInterest(verb, context);
    if (interest)
      return [
        `${weekend ? "This weekend" : "Next week"} it's ${interest.toLowerCase()}, ${random.pick(["if I get my way", "as much as I can fit in"])}`,
        random.pick([
          "I want to try something I've never made before — if it goes wrong, at least it'll be a story",
          "Something simple, done properly; that's the bit I enjoy",
        ]),
        "What about you — anything planned?",
      ];
    // The work of the day, the same however often it comes up that day.
    if (!MAKING.test(verb) || workThings(context.identity.occupation).length === 0 || weekend) return null;
    return [
      `At work it's mostly ${todaysWork(context).replace(/\s+(?:today|tonight)$/i, "")}`,
      random.pick(["Slow work, but I like slow work", "Ask me on Friday how it went"]),
      "What's your week looking like?",
    ];
  }
  return craftFavourite(text, context, random);
}

/** Favourites of a craft, with why: [who has the craft, what is asked about, the answers]. */
const craftFavourites: readonly [RegExp, RegExp, readonly string[]][] = [
  [
    /carpent|joiner|woodwork|cabinet/i,
    /\b(?:woods?|timbers?)\b/i,
    [
      "Walnut — it's clean to cut, lovely to plane, and it darkens to a warm brown over the years",
      "Oak — it's honest wood: heavy, stubborn, and it lasts longer than whoever made the table",
    ],
  ],
  [
    /carpent|joiner|woodwork|cabinet|mechanic|plumb|electric/i,
    /\btools?\b/i,
    ["A sharp hand plane — when the shaving curls off in one piece, that's the best feeling in the trade"],
  ],
  [
    /\bbak/i,
    /\b(?:bread|cakes?|pastr\w*|bakes?|thing to bake)\b/i,
    ["A slow sourdough — it's two days of waiting, and the crust is worth every minute"],
  ],
  [
    /sound engineer|audio|recording/i,
    /\b(?:mics?|microphones?|gear|desks?|consoles?)\b/i,
    ["An old ribbon mic — it's warm and close on a voice, like the singer is in the room with you"],
  ],
  [
    /surf/i,
    /\b(?:waves?|surf ?boards?|breaks?)\b/i,
    ["A long, slow point break early in the morning — there's nobody out and the whole day is still ahead"],
  ],
];

function craftFavourite(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  if (!/\bfavou?rite\b/i.test(text)) return null;
  const craft = [context.identity.occupation, ...context.agent.interests].join(" | ");
  const found = craftFavourites.find(([who, what]) => who.test(craft) && what.test(text));
  if (!found) return null;
  // The agent's own favourite: the same each time it is asked.
  const own = seededRandom(0, context.agent.name, `favourite ${found[1].source}`).pick(found[2]);
  return [own, random.pick(["What made you ask — are you into it too?", "Do you have one?"])];
}
