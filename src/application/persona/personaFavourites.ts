import type { ReplyContext } from "../prompt/replyContext.ts";
import { FAVOURITES as favourites } from "./personaFavouriteKinds.ts";
import { asksTheReason, favouriteReason } from "./personaFavouriteReasons.ts";
import { favouriteWordIn } from "./personaFavouriteWords.ts";
import { songOfGenreAsked } from "./personaMusicGenres.ts";
import { type SeededRandom, seededRandom } from "./personaRandom.ts";
import { storyOfGenreAsked } from "./personaStoryGenres.ts";
import { capitalize } from "./personaTyping.ts";

const fondness = ["It gets me every time", "I never get tired of it", "It always cheers me up"];
const fondnessOfMany: Record<string, string> = {
  "It gets me every time": "They get me every time",
  "I never get tired of it": "I never get tired of them",
  "It always cheers me up": "They always cheer me up",
};

/** The agent's own favourite for "what's your favourite film?" or "what music do you like?". */
export function favouriteAnswer(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  if (!/\bfavou?rite\b|\b(?:what|which)\b/i.test(text)) return null;
  const wordIn = favouriteWordIn(text, random);
  if (wordIn) return wordIn;
  const [first] = context.agent.interests;
  if (first && /\bthing to do\b|\bhobby\b|\bpastime\b/i.test(text))
    return [`${capitalize(first)}, hands down`, random.pick(fondness)];
  const found = favourites.find(([pattern]) => pattern.test(text));
  if (!found) return /\bfavou?rite\b/i.test(text) ? noFavouriteOf(text) : null;
  const own = ownFavourite(found, context);
  const lead = random.pick([`Probably ${own}`, `${capitalize(own)}, I think`, `Easy — ${own}`]);
  const fond = random.pick(fondness);
  const many = isPluralPick(own);
  // "What's your favourite colour and why?": the reason is the answer's second half.
  // One sentence, so a short reply keeps the reason with the pick.
  if (asksTheReason.test(text)) return [`${lead}, ${favouriteReason(text, many, random)}`];
  // "Sunflowers… They always cheer me up."
  return [lead, many ? (fondnessOfMany[fond] ?? fond) : fond];
}

/** A favourite of a kind it has none of: said honestly, naming the kind asked. */
function noFavouriteOf(text: string): string[] {
  const kind =
    /\bfavou?rite\s+(\p{L}[\p{L} ]{1,25}?)(?=\s+(?:in|of|to|for|about|ever|right now|at the moment|and|or)\b|\s*[?.!,]|\s*$)/iu.exec(
      text,
    )?.[1];
  if (!kind || /^(?:one|thing|kind|type|part)$/i.test(kind))
    return ["Hard to pick just one", "Ask me on a different day and you'll get a different answer"];
  return [
    `I don't think I have a favourite ${kind.toLowerCase()}, honestly — I've never had to choose one`,
    "Now I'll be thinking about it all day. What's yours?",
  ];
}

/** Interests that are of a kind asked about: a sound engineer into jazz records names those, not fado. */
const INTEREST_KINDS: readonly [RegExp, RegExp][] = [
  [
    /\bmusic|songs?|bands?\b/,
    /jazz|records?|vinyl|synth|music|guitar|piano|fado|band|songs?|opera|choir|hip.?hop|techno|punk/i,
  ],
  [
    /\bfood|dish|meal\b/,
    /ramen|tacos?|nata|pastr|pizza|sushi|noodles?|curry|dumplings?|pasta|cheese|chocolate|bread/i,
  ],
  [
    /flowers/,
    /\b(?:roses?|tulips?|peon(?:y|ies)|lil(?:y|ies)|orchids?|dahlias?|lavender|sunflowers?|dais(?:y|ies))\b/i,
  ],
];

export function ownFavourite(found: (typeof favourites)[number], context: ReplyContext): string {
  // "Your favourite ramen place?" asks for a place, not for the ramen it loves.
  const asksPlace = /\bplace\b/.test(found[0].source);
  const kind = asksPlace ? undefined : INTEREST_KINDS.find(([asked]) => asked.test(found[0].source))?.[1];
  const ownInterest = kind ? context.agent.interests.find((interest) => kind.test(interest)) : undefined;
  // Its favourite city or country is one it goes to, not the one it lives in.
  const home = [context.identity.homeCity, context.identity.country].map((place) => place.toLowerCase());
  const picks = found[1].filter((pick) => !home.includes(pick.toLowerCase()));
  return ownInterest ?? seededRandom(0, context.agent.name, found[0].source).pick(picks);
}

/**
 * "Recommend a film": its own favourite of the kind, or another of the kind once that one was
 * given in the conversation. Null for a kind it has no favourites of.
 */
export function recommendation(text: string, context: ReplyContext, random: SeededRandom): string | null {
  const found = favourites.find(([pattern]) => pattern.test(text));
  if (!found) return null;
  // "A country song": the genre asked is kept, whatever the agent's own taste.
  const ofGenre = /\bmusic\b/.test(found[0].source)
    ? songOfGenreAsked(text, context.agent.name)
    : storyOfGenreAsked(text, context.agent.name);
  if (ofGenre) return ofGenre;
  // "Recommend me a song" wants a song, not the vinyl or the guitar the agent is into.
  if (/\b(?:songs?|tracks?)\b/i.test(text)) return seededRandom(0, context.agent.name, "song").pick(SONGS);
  const own = ownFavourite(found, context);
  const said = (pick: string) =>
    context.recentMessages.some((m) => m.author === "agent" && m.text.includes(pick));
  if (!said(own)) return own;
  const others = found[1].filter((pick) => !said(pick));
  return others.length > 0 ? random.pick(others) : own;
}

const SONGS = [
  "Feeling Good by Nina Simone",
  "Here Comes the Sun by the Beatles",
  "Dreams by Fleetwood Mac",
  "Clair de Lune by Debussy",
];

/** "Do you like music?" asked of an agent into fado: the kind asked holds one of its interests. */
const KINDS_OF_INTEREST: readonly [RegExp, RegExp][] = [
  [
    /^(?:music|songs|bands|concerts|gigs|live music)$/,
    /music|fado|jazz|vinyl|records|guitar|piano|opera|punk|synth|songs?|singing|band|violin|drums/,
  ],
  [/^(?:films|movies|cinema|the cinema)$/, /films?|movies?|cinema/],
  [/^(?:books|reading|novels)$/, /books?|novels?|poetry|reading/],
  [
    /^(?:sports?|exercise)$/,
    /football|tennis|climbing|surf|swim|cycling|running|rowing|sailing|hiking|golf|ski|yoga/,
  ],
  [/^(?:food|cooking|baking)$/, /cook|baking|food|pastry|pastries/],
  [/^(?:art|museums)$/, /paint|drawing|art|museum|galler|photo|pottery/],
  [/^(?:the )?(?:sea|ocean|beach)$/, /sail|surf|swim|rowing|diving|fishing/],
];

function interestOfKind(kind: string, interests: readonly string[]): string | undefined {
  const holds = KINDS_OF_INTEREST.find(([asked]) => asked.test(kind))?.[1];
  return holds ? interests.find((interest) => holds.test(interest.toLowerCase())) : undefined;
}

/** "Do you like coffee?": its interests get a yes with feeling; anything else a yes or no of its own. */
export function likesAnswer(topic: string | null, context: ReplyContext, random: SeededRandom): string[] {
  const subject = topic ?? "that";
  const lower = subject.toLowerCase();
  const interests = context.agent.interests;
  const shared =
    interests.find((interest) => new RegExp(`\\b${escaped(interest.toLowerCase())}\\b`).test(lower)) ??
    interestOfKind(lower, interests);
  const { homeCity, country } = context.identity;
  // "Do you like it there?", asked of where it lives, is asked of its home.
  const there = /^(?:it )?(?:there|here)$|^living (?:there|here)$/.test(lower);
  if (there || [homeCity, country].some((home) => home && lower === home.toLowerCase()))
    return [
      random.pick(
        there
          ? [`I love it here`, `I really do love ${homeCity}`]
          : [`I love ${subject}`, `I really do love ${subject}`],
      ),
      random.pick([
        "It's home, and it still surprises me",
        `I can't imagine living anywhere but ${homeCity}`,
        "The light here never gets old",
      ]),
    ];
  // "Why do you love the ocean so much?" asks for the reason, which a yes does not give.
  if (/^\s*(?:but |so |and )?why do you (?:love|like|enjoy)\b/i.test(context.personMessage))
    return [
      shared
        ? `${capitalize(shared)} is my happy place — I lose track of time`
        : `${capitalize(subject.replace(/\s+(?:so much|that much|a lot|so)$/i, ""))} just makes me feel like myself`,
      random.pick(["Some things you don't need a reason for", "I think I've loved it since I was little"]),
    ];
  if (shared)
    return [
      `I love ${subject}, honestly`,
      random.pick([`I could talk about ${shared} for hours`, `${capitalize(shared)} is my happy place`]),
    ];
  // Whether it likes a thing does not change from one question to the next.
  const likes = seededRandom(0, context.agent.name, lower).chance(0.7);
  if (likes)
    return [
      random.pick(["I do, actually", "Yes, a lot", "I really do"]),
      random.pick([
        "It's one of those small things that make a day better",
        "I don't need much convincing there",
      ]),
    ];
  const interest = interests.length ? random.pick(interests) : "quiet evenings";
  return [
    random.pick(["Not really, to be honest", "Honestly, it's not my thing"]),
    `I'm more of a ${interest} person`,
  ];
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A favourite that is many of a kind: "sunflowers", "otters", "tulips" — not "lavender" or "Paris". */
export function isPluralPick(pick: string): boolean {
  return /^[a-z]+(?:[^s]s)$/.test(pick) && favourites.some(([, picks]) => picks.includes(pick));
}
