import { meetEventAhead } from "./personaEventsAhead.ts";
import { type SeededRandom, seededRandom } from "./personaRandom.ts";
import { notAPlace } from "./personaTripTips.ts";

const EVENT =
  "interview|exam|exams|test|audition|presentation|viva|trip|holiday|vacation|flight|move|appointment|surgery|operation|scan|check-?up|wedding|party|date|birthday|match|race|marathon|concert|gig|first day";
const WENT_WELL =
  "well|great|really well|so well|amazing|brilliantly|perfectly|fine|okay|ok|better than (?:I )?expected";
const WENT_BADLY = "badly|terribly|awful|awfully|horribly|not (?:so |very |too )?well|wrong|pear-shaped";

/** "The interview went really well!", "my exam went badly": how something told before turned out. */
const OUTCOME = new RegExp(
  String.raw`\b(?:the|my|our)\s+(?:[\w'’-]+\s+)?(${EVENT})\s+(?:went|was|turned out)\s+(?:(?:really|so|very|super|pretty|quite)\s+)?(${WENT_WELL}|${WENT_BADLY}|a (?:disaster|success|nightmare|dream))\b`,
  "i",
);
const BADLY = new RegExp(`^(?:${WENT_BADLY}|a (?:disaster|nightmare))$`, "i");
/** "We're back from new york", "just got back from my trip". */
const BACK_FROM =
  /\b(?:I'm|I am|we're|we are|just got|got|I got|we got|finally)\s+(?:just\s+)?back from\s+(?:my |our |the )?([\p{L}'-]+(?: [\p{L}'-]+)?)/iu;
/** Back from a journey, not from an errand: "my trip", "holiday", or a place. */
const JOURNEY = /^(?:trip|holiday|vacation|travels|honeymoon|break|getaway)$/i;
const ERRAND =
  /^(?:lunch|dinner|breakfast|shopping|appointment|surgery|hospital|vet|dentist|doctor|physio|gym|work|school)$/i;

/**
 * The person tells how something turned out ("the interview went really well!", "we're back from
 * new york"): glad with them or sorry with them, and asked about it as a friend who knew it was
 * coming would. Null when the message tells no outcome.
 */
export function meetEventOutcome(told: string, random: SeededRandom): string[] | null {
  const back = BACK_FROM.exec(told);
  if (back) {
    const where = back[1]!.trim();
    const first = where.split(" ")[0]!;
    const journey = JOURNEY.test(first);
    if (!journey && (ERRAND.test(first) || notAPlace.test(first))) return null;
    const place = journey
      ? null
      : where.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
    return [
      random.pick(["Welcome back!", "Oh, welcome home!"]),
      place
        ? random.pick([`How was ${place}?`, `What was the best bit of ${place}?`])
        : random.pick(["How was it?", "What was the best bit?"]),
    ];
  }
  const outcome = OUTCOME.exec(told);
  if (!outcome) return null;
  const event = outcome[1]!.toLowerCase();
  if (BADLY.test(outcome[2]!.trim()))
    return [
      random.pick([
        `Oh no, I'm sorry the ${event} didn't go well`,
        `Ah, that's rotten — I'm sorry about the ${event}`,
      ]),
      random.pick(["What happened?", "Do you want to tell me about it?"]),
    ];
  return [
    random.pick([
      `That's brilliant — I'm so glad the ${event} went well`,
      `Yes! I had a feeling the ${event} would go well`,
    ]),
    /interview|audition/.test(event)
      ? "When do you think you'll hear back?"
      : /exam|test|viva/.test(event)
        ? "When do you get the results?"
        : random.pick(["What was the best part?", "Tell me everything?"]),
  ];
}

/** "How did the driving test go?", "How was the wedding?": the event an agent's line asked after. */
const ASKED_AFTER = new RegExp(String.raw`\bHow (?:did|was) the ((?:[\w'’-]+ )?(?:${EVENT}))(?: go)?\?`, "i");
/** "It went really well!", "it was a disaster": how it turned out, with the event left unsaid. */
const UNNAMED = /^\s*(?:(?:oh|well|honestly|yeah|so)[,!]?\s+)?(?:it|that)\s+(?=(?:went|was|turned out)\b)/i;

/**
 * The person's line with the event named when it answers the agent's "How did the interview go?"
 * without naming it ("it went really well!" → "the interview went really well!"); else as it was.
 */
export function withEventAskedAfter(told: string, lastAgentLine: string | undefined): string {
  const asked = lastAgentLine ? ASKED_AFTER.exec(lastAgentLine)?.[1] : undefined;
  return asked && UNNAMED.test(told) ? told.replace(UNNAMED, `the ${asked.toLowerCase()} `) : told;
}

/**
 * Whether a line tells of an event still to come or how one turned out: its answer names the
 * event, so no "Mm." or "Oh, okay." goes before it.
 */
export function tellsOfAnEvent(told: string): boolean {
  const quiet = seededRandom(0, "event");
  return meetEventOutcome(told, quiet) !== null || meetEventAhead(told, quiet) !== null;
}
