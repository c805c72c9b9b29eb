import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { toldStory } from "./personaOwedStories.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { lowerFirst } from "./personaSmallTalk.ts";
import { capitalize } from "./personaTyping.ts";

/** Words for what a person may have, as a persona's summary or backstory would say them. */
const KIN: Record<string, string> = {
  kids: "sons?|daughters?|kids|children|twins|grandchildren",
  children: "sons?|daughters?|kids|children|twins|grandchildren",
  child: "sons?|daughters?|kids|children|twins",
  son: "sons?",
  sons: "sons?",
  daughter: "daughters?",
  daughters: "daughters?",
  grandkids: "grandchildren|grandkids|grandsons?|granddaughters?",
  grandchildren: "grandchildren|grandkids|grandsons?|granddaughters?",
};

/**
 * "Do you have kids?" when the persona says "a widow with two grown sons": what its own story
 * tells, never a "No, I don't" against it. Null when the story says nothing of it.
 */
export function ownedInStory(owned: string, context: ReplyContext): string[] | null {
  const words = KIN[owned];
  if (!words) return null;
  const story = `${context.agent.summary} ${context.agent.backstory}`;
  const said = new RegExp(
    `\\b((?:a|an|one|two|three|four|five|six)\\s+(?:(?:grown(?:-up)?|little|young|teenage|adult|lovely)\\s+)?(?:${words}))\\b`,
    "i",
  ).exec(story)?.[1];
  if (!said) return null;
  return [`I do — ${said.toLowerCase()}`, "They keep me busy, even from a distance"];
}

const SUPERLATIVE =
  /\b(?:what(?:'s|s| is| was)|which (?:is|was)|tell me about) (?:the|your) ((?:\w+est|most \w+|best|worst|first|strangest) [\p{L} ]{2,40}?) (?:(?:that )?(?:you|u|someone|somebody|anyone|a customer|a student|(?:ever )?happened)\b[^?]*)/iu;
/** "funniest thing a kid ever said to" → "funniest thing": the superlative and what it is of. */
function headOf(superlative: string): string {
  const words = superlative.toLowerCase().split(/\s+/);
  const end = words.findIndex(
    (word, i) =>
      i > 0 &&
      /^(?:a|an|the|ever|that|which|who|you|u|i|someone|somebody|anyone|said|had|did|was|were|have|of|in|on|at|to)$/.test(
        word,
      ),
  );
  return (end > 0 ? words.slice(0, end) : words).join(" ");
}

const LANGUAGES =
  /\b(?:can|do) you speak (english|german|french|spanish|italian|portuguese|russian|norwegian|georgian)\b|\bsprichst du (englisch|deutsch)\b|\bparles-tu (anglais|français)\b|\bhablas (inglés|español)\b/i;

/**
 * Questions about the agent's own life that want a story, a secret or a yes the persona can
 * give: "what's the scariest storm you sailed through?", "what's your secret ingredient?",
 * "do you miss being at sea?", "can you speak English?". Null when none of these is asked.
 */
export function answerSelfStory(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const { occupation } = context.identity;
  if (/\byour secret\b/i.test(text))
    return [
      random.pick(["If I told you, it wouldn't be a secret", "Ha! That one stays with me"]),
      random.pick(["Let's say it takes more patience than people think", "I'll give you a hint one day"]),
    ];
  const superlative = SUPERLATIVE.exec(text)?.[1];
  if (superlative) {
    // "The highest mountain you climbed" is a story of its pastime, not of its job.
    const pastime = context.agent.interests.find((interest) =>
      interest
        .toLowerCase()
        .split(/\s+/)
        .some((word) => word.length >= 4 && text.toLowerCase().includes(word.slice(0, 5))),
    );
    const years = pastime
      ? `years of ${pastime.toLowerCase()}`
      : `years as ${withIndefiniteArticle(occupation.replace(/^retired /i, ""))}`;
    // The story itself comes in the first sentence: a short reply keeps only that one.
    const [scene, ending] = toldStory(superlative.toLowerCase(), context, random);
    return [`The ${headOf(superlative)}? One from my ${years} stays with me: ${lowerFirst(scene!)}`, ending!];
  }
  const language = LANGUAGES.exec(text);
  if (language) {
    const named = language.slice(1).find(Boolean)!;
    return /^(?:english|englisch|anglais|inglés)$/i.test(named)
      ? ["Of course — English is no problem at all", "Whatever's easiest for you"]
      : [`A little ${named.toLowerCase()}, yes`, "Enough to get by, and to be corrected kindly"];
  }
  const missed = /\bdo (?:you|u) (?:ever |still )?miss ([\p{L} ]{2,40})/iu.exec(text)?.[1]?.trim();
  if (missed)
    return [
      random.pick(["Some days more than others", "Every now and then, yes"]),
      `${capitalize(lowerFirst(missed))} was a big part of my life — you don't just switch that off`,
    ];
  const doing =
    /\bwhat are (?:you|u) (\w+ing)\b(?: (?:right )?now| at the moment| these days| lately)?\s*\??$/i.exec(
      text.trim(),
    )?.[1];
  if (
    doing &&
    context.agent.interests.some((interest) => interest.toLowerCase().includes(doing.toLowerCase()))
  )
    return [
      random.pick(["Something small, slowly", "Just a little something for now"]),
      `I'll show you when it's done — ${doing.toLowerCase()} is how I switch off`,
    ];
  return null;
}

/** What a "can you knit me…" asks of the agent's own craft: the verb, and where its job or pastime names it. */
const CRAFTS: readonly [RegExp, RegExp][] = [
  [/^knit$/i, /knit/i],
  [/^(?:make|build)$/i, /carpent|joiner|woodwork|cabinet|builder|maker|craft/i],
  [/^bake$/i, /bak|pastr|patisser/i],
  [/^cook$/i, /chef|cook|kitchen|food/i],
  [/^(?:sew|stitch)$/i, /sew|tailor|dressmak|quilt/i],
  [/^paint$/i, /paint|artist|mural/i],
];
const SPORTS = /football|soccer|basketball|baseball|cricket|rugby|tennis|hockey|black stars/i;

/**
 * Something the person asks the agent to make for them, or a match they ask whether it saw:
 * a glad yes in its own craft or sport, a laugh at itself outside it. Null when neither is asked.
 */
export function answerAskOfCraft(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const own = [context.identity.occupation, ...context.agent.interests].join(", ");
  if (
    /\b(?:did|do) (?:you|u) (?:watch|see|catch) (?:the|last night's|yesterday's) (?:match|game)\b/i.test(text)
  )
    return SPORTS.test(own)
      ? ["Of course I did — I wouldn't miss it for anything", "I'm still not over that second half"]
      : ["I missed it, actually", "Was it a good one?"];
  const follows = SPORTS.test(own);
  if (
    /\bwho (?:do (?:you|u) think )?(?:will |'ll )?wins?\b|\bwho(?:'s| is) (?:gonna|going to) win\b/i.test(
      text,
    )
  )
    return follows
      ? [
          "My heart says the underdogs, every single year",
          "My head says whoever defends best in the final — don't quote me",
        ]
      : ["No idea — I don't follow it closely enough to guess", "Who are you backing?"];
  if (/\bdo (?:you|u) (?:support|follow|root for|cheer for)\b/i.test(text))
    return follows
      ? [
          / or /i.test(text)
            ? "Between those two? Neither — I'm loyal to my local side"
            : "Of course — I never miss a match",
          "But I'll watch any good game with you",
        ]
      : ["Not really — I don't follow it much", "Do you? Tell me who, and I'll cheer along"];
  const made =
    /\b(?:can|could|would|will) (?:you|u) (knit|make|build|bake|cook|sew|stitch|paint) me (?:a |an |some )?([\p{L} ]{2,30}?)(?:\s+(?:haha|lol|pls|please))*\s*[?!.]*$/iu.exec(
      text,
    );
  if (!made) return null;
  const [, verb, thing] = made;
  const craft = CRAFTS.find(([asked]) => asked.test(verb!));
  if (craft?.[1].test(own))
    return [
      `A ${thing!.toLowerCase()}? For you, gladly`,
      random.pick([
        "Give me a couple of weeks — good things take their time",
        "Tell me your favourite colour and leave the rest to me",
      ]),
    ];
  return [
    `Ha, you wouldn't want a ${thing!.toLowerCase()} made by me`,
    `But I'd happily ${verb!.toLowerCase()} one with you and laugh at how it turns out`,
  ];
}
