import type { ReplyContext } from "../prompt/replyContext.ts";

const asksWhereFirst =
  /\bwhere should (?:I|we) (?:go|start|stay|begin)\b|\bwhat should (?:I|we) (?:see|visit|do) (?:first|there)\b|\bwhere (?:do|would) you (?:go|start) first\b/i;
const trip = /\b(?:trip|travel\w*|holiday|vacation|visit\w*|going|flying|coming) (?:to|in)\b/i;

/**
 * "Where should we go first?" after the person told of a trip: where to start, from the agent
 * who lives there when the trip is to its own city or country. Null when no trip was told.
 */
export function answerTripTip(context: ReplyContext): string[] | null {
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
