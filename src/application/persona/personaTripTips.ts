import type { ReplyContext } from "../prompt/replyContext.ts";

const asksWhereFirst =
  /\bwhere should (?:I|we) (?:go|start|stay|begin)\b|\bwhat should (?:I|we) (?:see|visit|do) (?:first|there)\b|\bwhere (?:do|would) you (?:go|start) first\b/i;
const trip = /\b(?:trip|travel\w*|holiday|vacation|visit\w*|going|flying|coming) (?:to|in)\b/i;

/**
 * "Where should we go first?" after the person told of a trip: where to start, from the agent
 * who lives there when the trip is to its own city or country. Null when no trip was told.
 */
export function answerTripTip(context: ReplyContext): string[] | null {
  const place = answerWhatToSeeIn(context.personMessage, context.identity.homeCity);
  if (place) return place;
  if (!asksWhereFirst.test(context.personMessage)) return null;
  const told = context.recentMessages.filter((m) => m.author === "person" && trip.test(m.text)).at(-1)?.text;
  if (!told) return null;
  const { homeCity, country } = context.identity;
  const ours = [homeCity, country ?? ""].some(
    (place) => place !== "" && told.toLowerCase().includes(place.toLowerCase()),
  );
  return ours
    ? [
        `Start here in ${homeCity} — give yourselves two slow days in the old part of town before anything else`,
        "Go out early, before the crowds, and eat wherever the locals queue; then head out from here once you've found your feet",
      ]
    : [
        "Start where you land, and keep the first day slow — you'll be tired from the journey",
        "Then go to the place you're most excited about while you've still got the energy",
      ];
}

const seeIn =
  /\b[Ww]hat (?:should|would|could|can|must) (?:I|we) (?:see|do|eat|visit|try) (?:in|at|around) (\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)*)/u;

/** "What should I see in Kyoto?": no made-up sights, but what the agent would look for, and a question back. */
export function answerWhatToSeeIn(text: string, homeCity: string): string[] | null {
  const place = seeIn.exec(text)?.[1];
  if (!place) return null;
  if (place.toLowerCase() === homeCity.toLowerCase())
    return [
      `In ${place}? Wander the old part of town early, and eat wherever the locals queue`,
      "What are you into — food, music, walking?",
    ];
  return [
    `I don't know ${place} well enough to swear by any one place`,
    "I'd look for a market, a long walk with no plan, and wherever the locals eat. What do you like when you travel?",
  ];
}

const tripTold =
  /\b(?:planning|plan|booked|booking|going on) (?:a |my |our )?(?:trip|holiday|vacation|visit) to (\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)*)/u;

/** "I'm going to kyoto next week", "my mum and I are flying to rome": a place, in any case, between going to it and when. */
const goingTo =
  /\b(?:i'm|i am|im|we're|we are|were|\p{L}+ and i are) (?:going|flying|heading|off|travelling|traveling|driving) to ([\p{L}'-]+(?: [\p{L}'-]+)?) (?=next \w+|this (?:weekend|week|month|summer|winter|spring|autumn|fall)|tomorrow|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|in (?:january|february|march|april|may|june|july|august|september|october|november|december|\w+ weeks?))/iu;

/** What going to it names when it is no place: an errand, a verb ("going to relax next week"), a room. */
export const notAPlace = new RegExp(
  `^(?:${[
    "the|a|an|my|our|his|her|their|be|see|do|have|get|make|try|take|work|bed|sleep|school|church|class",
    "uni|college|start|stop|visit|meet|call|buy|help|need|stay|go|study|cook|clean|run|relax|rest|read",
    "write|watch|play|train|practise|practice|move|quit|apply|travel|celebrate|paint|finish|fix|ask|tell",
    "talk|think|look|wait|leave|pack|shop|swim|hike|walk|drive|fly|eat|drink|sing|dance|learn|teach|sell",
    "build|change|spend|focus|prepare|sort|book|plan|join|keep|give|send|bring|pick|hospital|dentist|doctor",
    "gym|office|town|therapy|court|mass|prison|jail|war|sea",
  ].join("|")})$`,
  "i",
);

/** The place of a trip told ("a trip to Japan", "going to kyoto next week"), capitalised. */
export function placeOfTrip(text: string): string | null {
  const told = tripTold.exec(text)?.[1];
  if (told) return told;
  const place = goingTo.exec(text)?.[1];
  if (!place || notAPlace.test(place) || notAPlace.test(place.split(" ")[0]!)) return null;
  return place.replace(
    /(^|\s)(\p{Ll})/gu,
    (_, space: string, letter: string) => space + letter.toUpperCase(),
  );
}

/** "I'm planning a trip to Japan": taken up as a trip, not as big news. */
export function acknowledgeTrip(text: string): string[] | null {
  const place = placeOfTrip(text);
  if (!place) return null;
  return [
    `Ooh, ${place}! That's a trip to look forward to`,
    "When are you going, and what are you most excited to see?",
  ];
}
