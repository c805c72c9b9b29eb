import { rhythmFor } from "../../domain/agent/dailyRhythm.ts";
import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { namesOwnPet, petOf, siblingOf } from "./personaLifeDetails.ts";
import { mealAnswer } from "./personaMeals.ts";
import { mediaAnswer } from "./personaMediaNow.ts";
import { type SeededRandom, seededRandom } from "./personaRandom.ts";
import { ownedInStory } from "./personaSelfStories.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * Everyday questions about the agent's life outside work: places it has been, what it misses,
 * pets, meals, what it is reading or watching. The facts it makes up hold from one turn to the
 * next (seeded by its name and the thing asked), the wording varies. Null when none fits.
 */
export function answerAboutLife(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const interest = context.agent.interests.length ? random.pick(context.agent.interests) : "long walks";
  const fixed = (what: string) => seededRandom(0, context.agent.name, what.toLowerCase());
  const { homeCity, country } = context.identity;
  const place =
    /\b(?:been to|visited|miss|go to|travel(?:led)? to)\s+(\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+)?)/u.exec(
      text,
    )?.[1] ?? knownPlaceWrittenLower(text, context);
  const isHome = place && [homeCity, country].some((home) => home.toLowerCase() === place.toLowerCase());
  const inStory = place && context.agent.backstory.toLowerCase().includes(place.toLowerCase());
  if (place && /\bmiss\b/i.test(text))
    return inStory
      ? [`I do — ${place} is a big part of my story`, "Part of me is always there"]
      : [random.pick(["Sometimes, yes", "A little"]), `Though ${homeCity} feels like home now`];
  if (place && /\b(?:been to|visited|travel)/i.test(text)) {
    if (isHome) return [`I live in ${homeCity}!`, "So yes, every day"];
    if (inStory) return [`Yes — ${place} is a big part of my story`, "I still go back when I can"];
    return fixed(place).chance(0.4)
      ? [`Once, years ago`, `I'd love to go back to ${place}`]
      : [`Not yet, but ${place} is on my list`, "Have you been?"];
  }
  if (/^\s*(?:can|may) I ask (?:you )?(?:something|a question)/i.test(text))
    return [random.pick(["Of course", "Sure, go ahead"]), "Ask me anything"];
  const rhythm = rhythmFor(context.identity.occupation, context.agent.summary);
  if (/\bmorning person\b|\bearly bird\b|\bnight owl\b/i.test(text))
    return rhythm.sleep.wakeTime < "07:00"
      ? ["Very much so", `I'm up at ${rhythm.sleep.wakeTime} most days`]
      : ["Not really", `I'm more myself after ${rhythm.sleep.wakeTime}, with a coffee`];
  if (
    /\bwhat time do you (?:usually |normally |tend to )?(?:wake|get up|go to bed|sleep)\b|\bwhen do you (?:usually |normally )?(?:wake|get up|go to bed|sleep)\b/i.test(
      text,
    )
  )
    return /\b(?:go to bed|sleep)\b/i.test(text)
      ? [`I'm usually in bed by ${rhythm.sleep.bedtime}, in theory`, `And up around ${rhythm.sleep.wakeTime}`]
      : [
          `I'm usually up around ${rhythm.sleep.wakeTime}`,
          `And in bed by ${rhythm.sleep.bedtime}, in theory`,
        ];
  if (/\bdid you sleep\b|\bsle(?:pt|ep) (?:well|ok|okay|alright|good)\b[^.!]*\?/i.test(text))
    return [
      random.pick(["I slept like a log, thanks", "I slept okay, thanks"]),
      `I was up at ${rhythm.sleep.wakeTime}`,
    ];
  if (new RegExp(`\\b${homeCity}\\b`, "i").test(text) && /^\s*(?:how|what)/i.test(text))
    return [
      `${homeCity} is lovely right now — ${context.weather.condition}, about ${context.weather.temperatureC}°C`,
      random.pick(["The evening light here is something else", "I still find new corners every week"]),
    ];
  if (/\bhave you (?:always|ever) lived\b|\balways lived (?:in|there|here)\b/i.test(text)) {
    const grewUp = birthplaceOf(context);
    return grewUp
      ? [`No, I grew up in ${grewUp}`, `I moved to ${homeCity} later, and it stuck`]
      : ["Pretty much", "I've never really wanted to leave"];
  }
  if (/\bwhere (?:did you grow up|were you born|are you (?:originally )?from)\b/i.test(text))
    return originAnswer(context);
  if (
    /\bdo you live (?:alone|by yourself|on your own|with (?:anyone|someone|roommates|flatmates|a roommate|a flatmate|your (?:family|parents)))\b|\bwho do you live with\b/i.test(
      text,
    )
  ) {
    const pet = petOf(context);
    return fixed("home").chance(0.7)
      ? ["Just me", pet ? `Well, me and ${pet.name}, my ${pet.kind}` : "I like having my own space"]
      : ["I share a flat with a friend from work", "We mostly cross paths in the kitchen"];
  }
  if (/\byour (?:neighbou?rhood|area|street|part of town)\b|\bwhere you live like\b/i.test(text))
    return [
      fixed("neighbourhood").pick([
        "Quiet streets, a good bakery and far too many stairs",
        "A bit scruffy, but there's a market on Saturdays and everyone knows everyone",
        "Old buildings, a tiny park and a café that knows my order",
      ]),
      `It's my favourite corner of ${homeCity}`,
    ];
  if (
    /\bdream (?:trip|holiday|vacation|destination)\b|\bwhere would you (?:most )?(?:love|like) to (?:go|travel)\b|\bwould you like to travel\b/i.test(
      text,
    )
  ) {
    const dreams = DREAM_TRIPS.filter((trip) => !trip.includes(context.identity.country || "\u0000"));
    return [fixed("dream trip").pick(dreams), "It's been on my list for years"];
  }
  const owned = /\bdo you (?:have|own) (?:an? |any )?([\p{L}-]+)/iu.exec(text)?.[1]?.toLowerCase();
  const aboutPet = petAnswer(text, owned, context, random);
  if (aboutPet) return aboutPet;
  if (owned && /^(?:siblings?|brothers?|sisters?)$/.test(owned)) {
    const sibling = siblingOf(context);
    return sibling
      ? [`I have ${withIndefiniteArticle(sibling.relation)}, ${sibling.name}`, sibling.note]
      : ["I'm an only child", "Which probably explains a lot"];
  }
  if (owned && /^(?:boyfriend|girlfriend|partner|husband|wife|someone)$/.test(owned))
    return [
      "Not at the moment",
      random.pick(["I'm happy on my own for now", "Why, are you asking for a friend?"]),
    ];
  const toldOf = owned ? ownedInStory(owned, context) : null;
  if (toldOf) return toldOf;
  if (owned) return [random.pick(["I don't, actually", "No, I don't"]), "Should I?"];
  const meal = mealAnswer(text, context, random);
  if (meal) return meal;
  const media = mediaAnswer(text, context, interest);
  if (media) return media;
  return null;
}

const DREAM_TRIPS = [
  "Iceland in winter, for the northern lights",
  "Patagonia, with a tent and good boots",
  "Japan in cherry blossom season",
  "The fjords of Norway, slowly, by boat",
  "A long train ride across Canada",
  "New Zealand — all of it, for a month",
];

const PET_WORDS = /^(?:pets?|cats?|dogs?|rabbits?|fish|birds?|hamsters?|animals?|tortoises?)$/;

/** "Do you have a pet?", "What's your cat called?": the agent's own pet, the same every time. */
function petAnswer(
  text: string,
  owned: string | undefined,
  context: ReplyContext,
  random: SeededRandom,
): string[] | null {
  const asked = /\byour (pet|cat|dog|rabbit|tortoise)(?:'s|s)?\b/i.exec(text)?.[1]?.toLowerCase();
  const pet = petOf(context);
  // "How is Proust doing?": the pet asked after by its name.
  if (pet && namesOwnPet(text, context))
    return [
      random.pick([`${pet.name}'s doing great`, `${pet.name} is very well, thank you for asking`]),
      capitalize(`${pet.pronoun} ${pet.habit}`),
    ];
  if (!asked && !(owned && PET_WORDS.test(owned))) return null;
  if (!pet)
    return [
      "No pets, sadly — my flat is too small",
      random.pick(["I'd love one one day", "I borrow my neighbour's dog sometimes"]),
    ];
  const wanted = (asked ?? owned ?? "pet").replace(/s$/, "");
  if (!["pet", "animal", pet.kind].includes(wanted))
    return [
      `No ${wanted}, but I have ${withIndefiniteArticle(pet.kind)} called ${pet.name}`,
      capitalize(`${pet.pronoun} ${pet.habit}`),
    ];
  return [
    `I have ${withIndefiniteArticle(pet.kind)} called ${pet.name}`,
    capitalize(`${pet.pronoun} ${pet.habit}`),
  ];
}

/** "do you miss cascais?": a place its story or home names, typed without the capital. */
function knownPlaceWrittenLower(text: string, context: ReplyContext): string | undefined {
  const word = /\b(?:been to|visited|miss|go to|travel(?:led)? to)\s+(\p{Ll}[\p{L}'-]+)/u.exec(text)?.[1];
  if (!word) return undefined;
  const { backstory } = context.agent;
  const known = [...backstory.matchAll(/\p{Lu}[\p{L}'-]+/gu)].map((m) => m[0]);
  return [...known, context.identity.homeCity, context.identity.country].find(
    (name) => name.toLowerCase() === word.toLowerCase(),
  );
}

/** Where the agent comes from: its backstory's birthplace, else its home city. */
export function originAnswer(context: ReplyContext): string[] {
  const grewUp = birthplaceOf(context);
  const { homeCity } = context.identity;
  return grewUp
    ? [`In ${grewUp}`, `Then I moved to ${homeCity}, and it stuck`]
    : [`Right here in ${homeCity}`, "I've never really wanted to leave"];
}

/** The place the backstory says it grew up, when that is not where it lives. */
export function birthplaceOf(context: ReplyContext): string | null {
  const grewUp =
    /\b(?:[Gg]rew up|[Bb]orn|[Rr]aised)(?: [\p{Ll} ]{1,24}?)? in (\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+)?)/u.exec(
      context.agent.backstory,
    )?.[1];
  return grewUp && grewUp !== context.identity.homeCity ? grewUp : null;
}
