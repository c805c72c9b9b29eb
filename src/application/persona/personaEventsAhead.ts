import { relationPattern } from "../memory/factLexicon.ts";
import { DREAD } from "./personaFactAcknowledgement.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { placeOfTrip } from "./personaTripTips.ts";
import { capitalize } from "./personaTyping.ts";

const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
const SEASONS = "summer|winter|spring|autumn|fall";
const COUNT = String.raw`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|\d+)`;

/** "tomorrow", "on friday", "in two weeks", "next month": when something still to come happens. */
export const TIME_AHEAD = new RegExp(
  String.raw`\b(?:the day after tomorrow|tomorrow(?: (?:morning|afternoon|evening|night))?|tonight|later today|this (?:weekend|week|month|year|${SEASONS}|${DAYS}|coming \w+)|next (?:week(?:end)?|month|year|${SEASONS}|${DAYS})|in ${COUNT} (?:days?|weeks?|months?|years?)|(?:on )?(?:${DAYS})|in (?:${MONTHS})|on the \d{1,2}(?:st|nd|rd|th))\b`,
  "i",
);

/** Told as done or undone, not as still to come: "I had my exam on friday", "my trip got cancelled". */
const NOT_AHEAD =
  /\b(?:had|did|went|was|were|passed|failed|got back|came back|cancel+ed|postponed|last (?:week|month|year|night)|yesterday|ago)\b/i;

const TRIP = /\b(?:trip|holiday|vacation|getaway|flying|flight|travel+ing|road trip)\b/i;
const MOVE =
  /\b(?:moving (?:house|home|flats?|out|in|to|into|abroad|back|away)|move (?:house|home|to|into)|my move|the move)\b/i;
const TRIAL =
  /\b(?:(?:my|an?|the|our) )?((?:(?!(?:my|an?|the|our|have|got|is)\b)[\w'’-]+ )?(?:exams?|test|interview|audition|viva|presentation|finals))\b/i;
const OWN_WEDDING = /\b(?:I'm|I am|we're|we are|im) getting married\b|\b(?:my|our) wedding\b/i;
const BIRTHDAY = /\b(?:my|our) (?:birthday|bday|b-day)\b/i;
const APPOINTMENT =
  /\b((?:hospital|doctor(?:'s)?|dentist(?:'s)?|gp|clinic|physio|eye|blood|follow-up) (?:appointment|test|tests)|appointment|surgery|operation|scan|check-?up|procedure)\b/i;
const NEW_JOB =
  /\b(?:start(?:ing)? (?:a |my |the )?new job|new job starts|first day (?:at|of) (?:my |the )?(?:new )?(?:job|work))\b/i;
const OCCASION = /\b(?:graduat(?:ing|ion)|my (?:concert|recital|gig|race|marathon|match|first day))\b/i;

/** News of someone else's ("my sister is getting married", "my mum's flight"): theirs, not the person's. */
const SOMEONE_ELSES = new RegExp(`\\b(?:my|our) (?:[\\w'’-]+ )?(?:${relationPattern})(?:['’]s|s)?\\b`, "i");

/** The time as said back: "on friday" → "on Friday", a bare "friday" → "on Friday". */
function timeSaid(found: string): string {
  const said = found
    .toLowerCase()
    .replace(new RegExp(`\\b(${DAYS}|${MONTHS})\\b`, "g"), (word) => capitalize(word));
  return new RegExp(`^(?:${DAYS})$`, "i").test(said) ? `on ${said}` : said;
}

/**
 * "We're flying to new york in two weeks", "I'm moving house tomorrow", "my exam is on friday":
 * something the person told that is still to come, with when. The reply names the event and its
 * time and asks what fits it: what they look forward to, how ready they feel, what the job is.
 * Someone else's news ("my sister is getting married") is left to the news of the person's people.
 */
export function meetEventAhead(told: string, random: SeededRandom): string[] | null {
  const when = TIME_AHEAD.exec(told)?.[0];
  if (!when || NOT_AHEAD.test(told) || DREAD.test(told) || /\?\s*$/.test(told)) return null;
  if (SOMEONE_ELSES.test(told) && !/\b(?:I|I'm|we|we're)\b/i.test(told)) return null;
  const time = timeSaid(when);
  const place = placeOfTrip(told);
  if (place)
    return [
      `You're off to ${place} ${time} — ${random.pick(["how exciting", "lucky you", "that's something to look forward to"])}`,
      random.pick([
        "What are you most looking forward to there?",
        "Is it a holiday, or something else taking you there?",
      ]),
    ];
  if (MOVE.test(told))
    return [
      `You're moving ${time} — ${random.pick(["that's a big day", "that's a lot on your plate"])}`,
      / to \p{Lu}|\bto [\w'-]+ [\w'-]+/u.test(told.replace(TIME_AHEAD, ""))
        ? random.pick([
            "Are you all packed, or is it still boxes everywhere?",
            "How are you feeling about leaving?",
          ])
        : random.pick(["Where are you moving to?", "Are you all packed, or is it still boxes everywhere?"]),
    ];
  if (NEW_JOB.test(told))
    return [
      `You start a new job ${time} — ${random.pick(["that's exciting", "congratulations"])}`,
      random.pick(["What will you be doing?", "How are you feeling about the first day?"]),
    ];
  if (OWN_WEDDING.test(told))
    return [
      `You're getting married ${time} — how exciting`,
      random.pick(["How are the preparations going?", "Are you excited, or is it all lists right now?"]),
    ];
  // "My birthday is in March" is a date to remember, not an event close at hand.
  if (BIRTHDAY.test(told) && !/\bturn(?:ing|s)? \w+/i.test(told) && !/^in \p{Lu}|^on the\b/u.test(time))
    return [
      `Your birthday is ${time}! I'll remember that`,
      random.pick(["Any plans to celebrate?", "How do you like to celebrate?"]),
    ];
  const appointment = APPOINTMENT.exec(told)?.[1];
  if (appointment)
    return [
      `I hope your ${appointment.toLowerCase()} ${time} goes smoothly`,
      random.pick(["Is it routine, or something you're worried about?", "Will someone be going with you?"]),
    ];
  const trial = TRIAL.exec(told)?.[1]?.toLowerCase();
  if (trial)
    return [
      `Your ${trial} ${/s$/.test(trial) ? "are" : "is"} ${time} — ${random.pick(["I'll be rooting for you", "good luck"])}`,
      /interview/.test(trial)
        ? random.pick(["What's the job?", "What's the role, and how are you feeling about it?"])
        : /exam|finals/.test(trial)
          ? random.pick(["What's it in?", "How's the revision going?"])
          : "How are you feeling about it?",
    ];
  if (TRIP.test(told))
    return [`A trip ${time} sounds ${random.pick(["exciting", "lovely"])}`, "Where are you off to?"];
  const occasion = OCCASION.exec(told)?.[0]?.toLowerCase();
  if (occasion)
    return [
      `${/^graduat/.test(occasion) ? "You graduate" : `${capitalize(occasion.replace(/^my\b/, "your"))} is`} ${time} — ${random.pick(["that's a big one", "how exciting"])}`,
      random.pick(["How are you feeling about it?", "Are you looking forward to it?"]),
    ];
  return null;
}
