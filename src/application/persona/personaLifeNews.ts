import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * What the person tells of their own days and pastimes ("I've been learning to paint lately",
 * "I'm reading Dune", "we got a new puppy", "I finally fixed my bike"), met with interest and a
 * question that fits what kind of news it is. Null when the message tells no such thing.
 */

/** Words that say when or how much, not what: "lately", "a lot", "again", "last month". */
const WHEN_SAID =
  /(?:\s*,?\s+(?:lately|recently|these days|at the moment|right now|now|a lot|loads|a bunch|so much|again|every day|most days|in the evenings?|on weekends|at weekends|for a while|for (?:a|an|one|two|three|a few|\w+) (?:weeks?|months?|years?)|this (?:week|month|year)|last (?:week|month|year)|since (?:\w+ ?){1,3}))+\s*[.!]*\s*$/i;
const END = /\s*[.!]*\s*$/;

const PETS =
  "puppy|pup|kitten|dog|cat|rabbit|bunny|hamster|guinea pig|parrot|budgie|tortoise|turtle|fish|goldfish|horse|ferret|gecko|snake|chickens?";
const NEW_PET = new RegExp(
  `^\\s*(?:so |well,? )?(?:i|we) (?:just |finally |also )?(?:got|adopted|rescued|brought home)(?: (?:a|an|our|my|ourselves|myself))*(?: (?:new|little|tiny|rescue|baby))* (${PETS})\\b`,
  "i",
);
const READING =
  /^\s*(?:so |well,? )?i(?:'m| am|'ve been| have been)(?: currently| finally| just)? (?:re-?)?reading (.{1,60}?)$/i;
const WATCHING =
  /^\s*(?:so |well,? )?(?:i|we)(?:'m| am|'re| are|'ve been| have been)(?: currently| finally| just)? (?:binge[- ]?watching|watching|re-?watching) (.{1,60}?)$/i;
const TRAINING = /^\s*(?:so |well,? )?i(?:'m| am|'ve been| have been) training for (.{2,50}?)$/i;
const MOVED =
  /^\s*(?:so |well,? )?(?:i|we) (?:just |finally )?(?:moved|moved house|moved in)(?: in)?(?:to| into) (?:a |an |our |my |the )?(?:new |own )?(.{2,40}?)$/i;
const JOINED =
  /^\s*(?:so |well,? )?i(?:'ve| have)? (?:just |finally |recently )?(?:joined|signed up (?:for|to)|enrolled in) (.{2,50}?)$/i;
const LEARNING_TO =
  /^\s*(?:so |well,? )?i(?:'ve| have|'m| am)? (?:been |just |recently |finally |now )*(?:learning|started learning|starting|started) (?:how )?to (.{2,40}?)$/i;
const TAKING_UP =
  /^\s*(?:so |well,? )?i(?:'ve| have|'m| am)? (?:been |just |recently |finally |now )*(?:learning|practi[sc]ing|getting into|got into|taking up|took up|picked up|started learning|started) (.{2,40}?)$/i;
/** "I've been playing guitar again", "I've been gardening a lot". */
const BEEN_DOING =
  /^\s*(?:so |well,? )?i(?:'ve| have) been ((?:doing|playing|making) .{2,30}?|[a-z]{3,}ing(?: .{1,30}?)?)$/i;
const FINALLY_DONE =
  /^\s*(?:so |well,? )?(?:i|we) finally (?:managed to )?(fixed|finished|passed|won|built|sold|sorted|cleaned|painted|repaired|fixed up|cleared|ran|beat|made it to) (.{2,50}?)$/i;
const GOT_AHEAD =
  /^\s*(?:so |well,? )?i (?:just |finally )?(?:got|was given|landed) (?:a |an |the |my )?(promotion|raise|pay rise|bonus|scholarship|place|offer|job offer)\b/i;

/** Pastimes and moods that are not news of the kind met here: "I've been feeling low", "working". */
const NOT_A_PASTIME =
  /^(?:feeling|thinking|working|trying|going|having|getting|being|wondering|struggling|crying|worrying|stressing|sleeping|waiting|meaning|looking|missing|dealing|busy|sick|ill|so|really|a bit|kind of|sort of|it|that|this|nothing|something)\b/i;

/** What they do, said toward them and without when: "my guitar again" → "your guitar". */
const pastime = (said: string): string =>
  towardPerson(
    said
      .replace(WHEN_SAID, "")
      .replace(END, "")
      .replace(/^doing (?:a lot of |lots of |loads of |some |more )?/i, ""),
  );

export function meetLifeNews(text: string, random: SeededRandom): string[] | null {
  const said = text.replace(END, "");
  // "…a puppy called Biscuit": the name is met where facts are.
  const pet = /\b(?:called|named|name(?:'s| is))\b/i.test(said)
    ? undefined
    : NEW_PET.exec(said)?.[1]?.toLowerCase();
  if (pet)
    return [
      random.pick([`A ${pet}! Oh, I'm so happy for you`, `A new ${pet} — that's lovely news`]),
      random.pick([`What's the ${pet}'s name?`, `How's the ${pet} settling in?`]),
    ];
  const book = READING.exec(said)?.[1];
  if (book) return aBook(pastime(book), random);
  const show = WATCHING.exec(said)?.[1];
  if (show && !/^(?:you|him|her|them|the kids|my|our)\b/i.test(show)) return aShow(pastime(show), random);
  const goal = TRAINING.exec(said)?.[1];
  if (goal)
    return [
      random.pick(["Oh, that takes real grit", "Wow, that's a real commitment"]),
      random.pick([
        `How's the training for ${pastime(goal)} going?`,
        `When's the big day for ${pastime(goal)}?`,
      ]),
    ];
  const home = MOVED.exec(said)?.[1];
  if (home)
    return [
      random.pick(["A new place — how exciting", "Oh, a fresh start somewhere new"]),
      random.pick(["How are you settling in?", "What do you like most about it so far?"]),
    ];
  const ahead = GOT_AHEAD.exec(said)?.[1]?.toLowerCase();
  if (ahead)
    return [
      random.pick([`${withIndefiniteArticle(ahead)}? Congratulations`, `Congratulations on the ${ahead}`]),
      random.pick(["You must be chuffed", "That's well earned"]),
      random.pick(["How are you celebrating?", "What does it mean for you?"]),
    ];
  const done = FINALLY_DONE.exec(said);
  if (done)
    return [
      random.pick(["Oh, that must feel good", "Ha, that's so satisfying"]),
      random.pick(["How long had that been on your list?", "How did you pull it off?"]),
    ];
  const joined = JOINED.exec(said)?.[1];
  if (joined && !NOT_A_PASTIME.test(joined)) {
    const the = pastime(joined).replace(/^(?:a|an) /i, "the ");
    return [
      random.pick(["Ooh, good for you", "Oh, I love that"]),
      random.pick([`How are you finding ${the} so far?`, `What made you sign up for ${the}?`]),
    ];
  }
  const learning = LEARNING_TO.exec(said)?.[1];
  const taken = learning
    ? `learning to ${learning}`
    : (TAKING_UP.exec(said)?.[1] ?? BEEN_DOING.exec(said)?.[1]);
  if (taken && !NOT_A_PASTIME.test(taken)) return aPastime(pastime(taken), /\bagain\b/i.test(said), random);
  return null;
}

function aBook(book: string, random: SeededRandom): string[] {
  if (/^(?:an?|this|some)?\s*(?:(?:really|very|so) )?(?:\w+ )?(?:book|novel)\b/i.test(book) || book === "")
    return [
      random.pick(["Ooh, a good book is the best company", "I love hearing what people are reading"]),
      random.pick(["What's it about?", "What's it called?"]),
    ];
  return [
    random.pick([`Ooh, ${book}`, `${capitalize(book)} — nice choice`]),
    random.pick(["How far in are you?", "Are you enjoying it so far?"]),
  ];
}

function aShow(show: string, random: SeededRandom): string[] {
  if (
    /^(?:an?|this|some)?\s*(?:(?:really|very|so) )?(?:\w+ )?(?:series|show|film|movie|documentary|box set)\b/i.test(
      show,
    )
  )
    return [
      random.pick(["Ooh, I love a good series", "Ooh, I'm always after something new to watch"]),
      "What's it called?",
    ];
  return [
    random.pick([`Ooh, ${show}`, `${capitalize(show)} — good pick`]),
    random.pick(["How far in are you?", "Are you hooked yet?"]),
  ];
}

function aPastime(thing: string, again: boolean, random: SeededRandom): string[] {
  return [
    random.pick([
      `Ooh, ${thing} — I love that`,
      `Oh, I love that — ${thing} is a lovely thing to make time for`,
    ]),
    again
      ? "What brought you back to it?"
      : random.pick(["How's it going so far?", "What got you into it?", "What do you enjoy most about it?"]),
  ];
}
