import nlp from "compromise";
import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { FactKind } from "./factKinds.ts";
import { futureTime, healthPattern, momentTime, notOccupations } from "./factLexicon.ts";
import {
  APPOINTMENT_TOLD_BARE,
  CLOCK_TIME,
  DATE,
  HEALTH_SUBJECT,
  HYPOTHETICAL,
  KIN_SUBJECT,
  NAME,
  NOT_A_PLAN,
  OTHER,
  PERSON,
  PET,
  PLACE,
  PLAN,
  PLAN_WITH_TIME,
  PREFERENCE,
  RELATION_SUBJECT,
  SEEN_AT_A_TIME,
  TAUTOLOGY_SHAPES,
  WORK,
} from "./factPatterns.ts";
import { mayBeFirstName } from "./firstName.ts";
import { lowerCaseName } from "./selfIntroduction.ts";

/** "Give me some advice about my career", "can you help me with my essay": asked for, not told. */
const ASKS =
  /^(?:please |so |ok |okay )?(?:give|tell|show|help|send|teach|remind) me\b|^(?:can|could|would|will) you\b|^(?:i need|i'd like|i want) (?:some |your )?(?:advice|tips|help|a story|a joke)\b/i;

/**
 * Which kind of lasting fact a first-person clause states, or null when it states none. The rules
 * look for the shapes people use to tell things about themselves; anything else is left out, so
 * that chit-chat, passing moods and one-off events never become "facts".
 */
export function classifyClause(clause: string): FactKind | null {
  if (HYPOTHETICAL.test(clause) || TAUTOLOGY_SHAPES.test(clause) || ASKS.test(clause)) return null;
  // "dentist appointment at 3" has no "I", yet whose appointment it is goes without saying.
  if (APPOINTMENT_TOLD_BARE.test(clause) && toldWhen(clause)) return "plan";
  if (
    !/\b(?:I|I'm|I've|I'll|I'd|me|my|mine|myself|we|we're|we've|us|our|ours)\b/i.test(clause) &&
    !KIN_SUBJECT.test(clause)
  )
    return null;
  if (NAME.test(clause) || (/^[Mm]y name(?:'s| is) \p{Ll}/u.test(clause) && introducedName(clause)))
    return "other";
  if (DATE.some((rule) => rule.test(clause))) return "date";
  if (isPlan(clause)) return "plan";
  if (momentTime.test(clause) || oneOffDeed(clause)) return null;
  // "My sister loves jazz", "My friend got a job": about that person, whatever else it mentions.
  if (RELATION_SUBJECT.test(clause) || KIN_SUBJECT.test(clause)) return "person";
  if (healthPattern.test(clause) && HEALTH_SUBJECT.test(clause)) return "health";
  if (PLACE.some((rule) => rule.test(clause)) && !/\bborn (?:on|in) \d{4}\b/.test(clause)) return "place";
  if (WORK.slice(0, 2).some((rule) => rule.test(clause)) && isOccupation(clause)) return "work";
  if (WORK.slice(2).some((rule) => rule.test(clause))) return "work";
  if (PET.some((rule) => rule.test(clause))) return "pet";
  // "I love chess with my dad" is a liking; "I have two sisters" is about family.
  if (PREFERENCE.some((rule) => rule.test(clause))) return "preference";
  if (PERSON.some((rule) => rule.test(clause))) return "person";
  if (OTHER.some((rule) => rule.test(clause)) && !pastEpisode(clause)) return "other";
  if (isNamedSelf(clause)) return "other";
  return null;
}

function isPlan(clause: string): boolean {
  if (NOT_A_PLAN.test(clause)) return false;
  if (PLAN.some((rule) => rule.test(clause))) return true;
  if (futureTime.test(clause) && PLAN_WITH_TIME.some((rule) => rule.test(clause))) return true;
  // "I have an interview at 11": an appointment's time of day alone puts it ahead.
  return CLOCK_TIME.test(clause) && PLAN_WITH_TIME.slice(1, 3).some((rule) => rule.test(clause));
}

/**
 * "dentist appointment at 3", "got a dentist appointment at 3" → "I have a dentist appointment
 * at 3": an appointment told bare, said as the person's own so it is remembered as theirs.
 */
export function ownedAppointment(clause: string): string {
  if (!APPOINTMENT_TOLD_BARE.test(clause)) return clause;
  const bare = clause.replace(/^(?:(?:so|oh|well|ugh|btw|also|and)[, ]+)/i, "");
  if (/^(?:I|I've|we)\b/i.test(bare)) return bare;
  const thing = bare
    .replace(/^(?:(?:just|also|finally|now) )?(?:got|have) /i, "")
    .replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase())
    // "physio at 11" is an appointment with the physio.
    .replace(new RegExp(`\\b(${SEEN_AT_A_TIME})(?:'s)? (?!appointment)`, "i"), "$1 appointment ");
  // "train leaves at 7" → "my train leaves at 7"; "the interview's at 2" → "my interview is at 2".
  if (
    /\b(?:leaves|departs|boards|closes|opens|is)\b|['’]s (?:at|@|this|tomorrow|tonight|later|on|next)\b/i.test(
      thing,
    )
  )
    return `my ${thing.replace(/^(?:a|an|my|the) /i, "").replace(/['’]s (?=(?:at|@|this|tomorrow|tonight|later|on|next)\b)/i, " is ")}`;
  const journey = caughtJourney(thing);
  if (journey) return journey;
  return `I have ${/^(?:a|an|my|the) /.test(thing) ? thing : withIndefiniteArticle(thing)}`;
}

/** "coach to Glasgow at 10:05" → "I'm catching the 10:05 coach to Glasgow". */
function caughtJourney(thing: string): string | null {
  const told =
    /^(?:(?:a|an|my|the) )?((?:[\w'’-]+ )?(?:flight|train|bus|coach|ferry|plane)\b(?: (?:to|from) (?:(?!(?:at|on|this|tomorrow|tonight|later|next)\b)\p{Lu}[\w'’-]* ?){1,3})?) ?(.*)$/iu.exec(
      thing,
    );
  if (!told) return null;
  const journey = told[1]!.trim();
  const clock = /^(?:at|@) (\d{1,2}(?:[:.]\d{2})?(?: ?[ap]\.?m\.?)?)$/i.exec(told[2]!);
  if (clock) return `I'm catching the ${clock[1]} ${journey}`;
  return `I'm catching the ${journey}${told[2] ? ` ${told[2]}` : ""}`;
}

/** "at 3", "tomorrow", "this afternoon": when something on the calendar happens. */
function toldWhen(clause: string): boolean {
  // "the interview at 3 went well" is over: an outcome, not a plan.
  if (/\b(?:went|was|were|got (?:cancelled|canceled|moved)|is over|finished|ended)\b/i.test(clause))
    return false;
  return (
    CLOCK_TIME.test(clause) ||
    futureTime.test(clause) ||
    /\b(?:this (?:morning|afternoon|evening)|later (?:today|on))\b/i.test(clause)
  );
}

/** "I'm a nurse" is a job; "I'm a realist" is not. */
function isOccupation(clause: string): boolean {
  if (WORK[0]!.test(clause)) return true;
  const noun = /\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?([\w-]+)\b/i.exec(
    clause.replace(/^.*?\b(?:I'm|I am|been|was|became|be|as)\b/i, ""),
  );
  const word = noun?.[1]?.toLowerCase() ?? "";
  return !(notOccupations as readonly string[]).includes(word);
}

/**
 * "My sister sent me a video": something someone did once, not a fact about them. Life events
 * ("passed away", "moved to", "got married") are facts all the same.
 */
function oneOffDeed(clause: string): boolean {
  const deed =
    /^(?:\w+ ){0,2}(?:my|our) (?:[\w'-]+ ){0,3}?(?<!\b(?:is|was|are|were|be|been|being|get|got) )(?:sent|texted|called|rang|messaged|said|told|asked|gave|bought|brought|made|showed|cooked|baked|visited|came|came over|dropped by|stopped by|laughed|cried|shouted|forgot|lost|found|watched|saw|emailed|posted|liked|replied|wrote|yelled|complained|joked|surprised)\b/i;
  const lifeEvent =
    /\b(?:passed away|died|moved|married|engaged|divorced|born|graduated|retired|started|adopted|got a job|got promoted)\b/i;
  return deed.test(clause) && !lifeEvent.test(clause);
}

/** Something that happened once ("I always used to…" aside): not a lasting fact. */
function pastEpisode(clause: string): boolean {
  const verbs = nlp(clause).match("(i|we) #Adverb* [#Verb]", 0).json() as { terms: { tags: string[] }[] }[];
  const tags = verbs[0]?.terms[0]?.tags ?? [];
  return tags.includes("PastTense") && !/\b(?:always|never|usually|used to)\b/i.test(clause);
}

/** "I'm Nora": the person gives their name. */
function isNamedSelf(clause: string): boolean {
  const match = /^(?:I'm|I am) (\p{Lu}[\p{L}-]+)(?:,? (?:by the way|btw))?$/u.exec(clause);
  return match ? mayBeFirstName(match[1]!) : false;
}

/**
 * The name a person introduces themselves by ("I'm Nora", "My name is Nora", "call me Nora"),
 * or null. It is what they want to be called, whatever their account says.
 */
export function introducedName(clause: string): string | null {
  const named =
    /^(?:[Mm]y name(?:'s| is)|I'm called|I am called|I go by|(?:(?:[Pp]lease|[Yy]ou can|[Jj]ust) )*[Cc]all me) +(\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)?)(?: (?:from now on|please|instead))?$/u.exec(
      clause,
    );
  if (named) return named[1]!;
  const lower = /^[Mm]y name(?:'s| is) (\p{Ll}[\p{L}'-]*)$/u.exec(clause);
  if (lower) return lowerCaseName(lower[1]!);
  return isNamedSelf(clause)
    ? clause.replace(/^(?:I'm|I am) /, "").replace(/,? (?:by the way|btw)$/, "")
    : null;
}
