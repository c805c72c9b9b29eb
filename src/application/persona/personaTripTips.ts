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

/** "I'm planning a trip to Japan": taken up as a trip, not as big news. */
export function acknowledgeTrip(text: string): string[] | null {
  const place = tripTold.exec(text)?.[1];
  if (!place) return null;
  return [
    `Ooh, ${place}! That's a trip to look forward to`,
    "When are you going, and what are you most excited to see?",
  ];
}
