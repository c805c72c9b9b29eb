import { assertNever } from "../../domain/shared/decider.ts";
import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ExtractedFact } from "../memory/factKinds.ts";
import { meetAppointmentAhead } from "./personaAppointmentsAhead.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";
import { acknowledgeTrip } from "./personaTripTips.ts";
import { capitalize } from "./personaTyping.ts";

export const DREAD =
  /\b(?:dread\w*|nervous|panick?\w*|scared|terrified|anxious|worried|stress(?:ed|ing)|freaking out|not looking forward)\b/i;

const FORGOT = /\b(?:forgot|forgotten|missed)\b/i;
const STATED_AGE =
  /\b(?:be|turn|turning|am|I'm|im)\s+(\d{1,3})(?:\s+years? old)?\b(?!\s*(?:%|:|am\b|pm\b|o'clock|minutes?|mins?|hours?))/i;
const IN_PASSING = /\b(?:tho|though|anyway|i guess|lol)\s*[.!]*\s*$/i;

/** "I'm turning 30 on Saturday", "I turn 40 next week": the age the person's next birthday brings. */
const TURNING = /\bI(?:'m| am| will be) turning (\d{1,3}|[a-z]+(?:-[a-z]+)?)\b|\bI turn (\d{1,3})\b/i;

/**
 * "I'll be 45 next week tho": an age, or a plan said in passing, is taken in its stride rather
 * than celebrated as big news.
 */
function plainPlan(said: string, random: SeededRandom): string[] | null {
  const age = STATED_AGE.exec(said)?.[1];
  const inPassing = IN_PASSING.test(said);
  if (age) return inPassing ? [`${age} — noted`] : [`${age} — noted`, "How do you feel about that?"];
  return inPassing ? [random.pick(["Ah, okay", "Got it"]), "How are you feeling about it?"] : null;
}

/**
 * A fact the person shared that has no words of its own (an allergy, a birthday, "I'm a twin"),
 * acknowledged the way a friend would: a short remark and, where one fits, a question about it.
 * Never their sentence said back ("Oh, you are a twin?").
 */
export function acknowledgeFact(fact: ExtractedFact, random: SeededRandom): string[] {
  const quote = fact.quote.replace(/[.!]+$/, "").trim();
  switch (fact.kind) {
    case "preference":
      return preference(quote, random);
    case "health":
      return [
        random.pick(["Thanks for telling me — I'll keep that in mind", "Good to know, I'll remember that"]),
        /\b(?:vegetarian|vegan|meat|fish|dairy|gluten)\b/i.test(quote)
          ? "How long have you been eating that way?"
          : /\ballergic\b|\ballergy\b/i.test(quote)
            ? "Is it a bad allergy?"
            : "How are you getting on with it?",
      ];
    case "person":
      return family(quote, random);
    case "plan":
      // "…and I'm dreading it": the nerves are the news, not the date.
      if (DREAD.test(fact.sourceText))
        return [
          random.pick([
            "It's normal to dread something that matters to you",
            "Nerves before something like that are so normal",
          ]),
          random.pick(["What part worries you most?", "What would make it feel a bit lighter?"]),
        ];
      return (
        acknowledgeTrip(fact.sourceText) ??
        plainPlan(fact.sourceText, random) ??
        meetAppointmentAhead(quote, random) ?? [
          random.pick(["Oh, that's big news", "That's exciting", "Ooh, that's a lot to look forward to"]),
          random.pick(["How are you feeling about it?", "Are you excited?"]),
        ]
      );
    case "date": {
      // "I forgot my mum's birthday": a slip to own up to, not a date to keep.
      if (FORGOT.test(quote))
        return [
          random.pick(["Oh no, that happens to the best of us", "Ah, that stings — it happens though"]),
          random.pick(["Did you manage to make it up to them?", "Was it okay in the end?"]),
        ];
      // "I'm turning 30 on Saturday": the person's own birthday to come, with the age it brings.
      const turning = TURNING.exec(quote);
      if (turning)
        return [
          `${capitalize(turning[1] ?? turning[2] ?? "")} — that's a big one`,
          random.pick(["Happy early birthday!", "Are you doing anything to celebrate?"]),
        ];
      return /\bbirthday\b/i.test(quote)
        ? [random.pick(["I'll remember that", "Noted — I won't forget"]), "How do you usually celebrate?"]
        : [random.pick(["I'll remember that", "Noted, I'll keep that in mind"])];
    }
    case "pet":
      return pet(quote, random) ?? other(quote, random);
    case "place":
    case "work":
    case "other":
      return other(quote, random);
    default:
      return assertNever(fact.kind);
  }
}

function preference(quote: string, random: SeededRandom): string[] {
  const kindOfPerson = /\bI'?m an? ((?:[\p{L}-]+ ){1,2}person)\b/iu.exec(quote)?.[1];
  if (kindOfPerson)
    return [
      `${capitalize(`a ${kindOfPerson}`)} — ${random.pick(["I can see that", "I had a feeling"])}`,
      random.pick(["How come?", "What's the best thing about it?"]),
    ];
  const favourite = /\bmy favou?rite ([\p{L} ]+?) (?:is|are) ([\p{L}' -]+)$/iu.exec(quote);
  if (favourite)
    return [
      `${capitalize(favourite[2]!.trim())} — ${random.pick(["good choice", "nice pick"])}`,
      `What do you like about it?`,
    ];
  const hated = /\bI (?:really )?(?:hate|can't stand|dislike) ([\p{L}' -]+)$/iu.exec(quote)?.[1];
  if (hated) return [`Ha, what did ${towardPerson(hated.trim())} ever do to you?`];
  return [
    random.pick(["Good to know", "Noted — I like knowing what you like"]),
    random.pick(["What got you into it?", "How long have you felt that way?"]),
  ];
}

function family(quote: string, random: SeededRandom): string[] {
  if (/\btwins?\b/i.test(quote))
    return [
      "A twin! I've always wondered what that's like",
      random.pick(["Are you two close?", "Do you look alike?"]),
    ];
  if (/\b(?:kids|children|sons|daughters|brothers|sisters|siblings)\b/i.test(quote))
    return [random.pick(["Oh, that's lovely", "Your house must be lively"]), "What are they like?"];
  const relative = /\ban? (brother|sister|son|daughter|niece|nephew|cousin|stepbrother|stepsister)\b/i.exec(
    quote,
  )?.[1];
  if (relative)
    return [`Oh, a ${relative.toLowerCase()}`, random.pick(["Are you two close?", "What are they like?"])];
  return [random.pick(["Oh, that's lovely", "I like hearing about your people"]), "Tell me about them?"];
}

function other(quote: string, random: SeededRandom): string[] {
  const age = /^I'?m (\d{1,3})(?: years old)?$/i.exec(quote)?.[1];
  if (age) return [`${age} — ${random.pick(["a good age", "noted"])}`];
  const name = /^(?:I'?m|I am|my name(?:'s| is)|call me|I go by|I'm called)\s+(\p{Lu}[\p{L}-]*)$/iu.exec(
    quote,
  )?.[1];
  if (name)
    return [
      random.pick([`Nice to meet you, ${name}`, `${name} — lovely to meet you`]),
      random.pick(["How's your day going?", "What are you up to today?"]),
    ];
  return [
    random.pick([
      "Huh, I didn't know that about you",
      "Good to know",
      "I like learning these things about you",
    ]),
    "Tell me more?",
  ];
}

const ANIMAL =
  /\b(puppy|dog|kitten|cat|bunny|rabbit|hamster|guinea pig|parrot|budgie|bird|horse|pony|tortoise|turtle|lizard|gecko|snake|fish|ferret|rat|mouse|goat|chicken)s?\b/i;

/** "I just got a puppy called Biscuit", "I have two cats, Miso and Tofu": the animals and their names, warmly, and a question. */
function pet(quote: string, random: SeededRandom): string[] | null {
  const found = ANIMAL.exec(quote);
  const animal = found?.[1]?.toLowerCase();
  if (!found || !animal) return null;
  const after = quote.slice(found.index + found[0].length);
  const named =
    /^(?:[\p{L} ,]{0,24}?\b(?:called|named|name(?:'s| is)|names are)|\s*[,:—–-])\s+(\p{Lu}[\p{L}'-]*)(?:,? and (\p{Lu}[\p{L}'-]*))?/u.exec(
      after,
    );
  const names = named ? [named[1]!, ...(named[2] ? [named[2]] : [])] : [];
  const fresh = /\b(?:just|new|got|adopted|rescued|brought home)\b/i.test(quote);
  const young = /^(?:puppy|kitten|bunny)$/.test(animal);
  if (names.length === 2) {
    const both = `${names[0]} and ${names[1]}`;
    return [
      `${both} — ${random.pick(["what lovely names", "I love those names"])}`,
      random.pick([`Which one is the troublemaker?`, `What are ${both} like?`]),
    ];
  }
  const name = names[0];
  // "I have two cats": more than one, and no name yet.
  const count = /\b(two|three|four|five|six|\d+)\s+$/i.exec(quote.slice(0, found.index))?.[1];
  if (count && !name && found[0].toLowerCase().endsWith("s"))
    return [
      `${capitalize(count.toLowerCase())} ${animal}s — ${random.pick(["how lovely", "double the trouble", "lucky you"])}`,
      random.pick(["What are their names?", "What are they called?"]),
    ];
  const opener = fresh
    ? `${capitalize(withIndefiniteArticle(animal))} — ${random.pick(["that's wonderful news", "I'm so happy for you"])}`
    : random.pick([`Oh, you have a ${animal}`, `A ${animal}, how lovely`]);
  if (!name) return [opener, random.pick([`What's the ${animal}'s name?`, `What are they like?`])];
  return [
    opener,
    `${name} is ${random.pick(["such a good name", "the perfect name", "a lovely name"])} for a ${animal}`,
    fresh
      ? random.pick([
          `How is ${name} settling in?`,
          young ? `Is ${name} keeping you up at night yet?` : `What's ${name} like?`,
        ])
      : random.pick([`What's ${name} like?`, `How old is ${name}?`]),
  ];
}
