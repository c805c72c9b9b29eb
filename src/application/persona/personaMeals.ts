import type { ReplyContext } from "../prompt/replyContext.ts";
import { fixedForAgent, type SeededRandom } from "./personaRandom.ts";

type Meal = "breakfast" | "lunch" | "dinner";

const DISHES = [
  "pasta with whatever was in the fridge",
  "a big salad and fresh bread",
  "leftover soup",
  "grilled sardines",
  "a toasted sandwich",
  "rice with a fried egg on top",
];
const MEAL_HOUR: Record<Meal, number> = { breakfast: 8, lunch: 13, dinner: 19 };

/** The meal of the agent's hour: what "have you eaten?" asks about. */
function mealOfHour(hour: number): Meal {
  return hour < 11 ? "breakfast" : hour < 17 ? "lunch" : "dinner";
}

/**
 * The dish the agent has (or will have) for one meal of one day: the same whichever way it is
 * asked, so "did you eat yet?" and "what did you have for lunch?" never name two meals.
 */
export function dishOf(context: ReplyContext, meal: Meal): string {
  return fixedForAgent(context, `${meal} ${context.localTime.date}`).pick(DISHES);
}

/** "Did you eat yet?", "What did you have for lunch?": the meal asked about, or the one of the hour. */
export function mealAnswer(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const hour = context.localTime.hour;
  const named = /\b(breakfast|lunch|dinner|supper)\b/i.exec(text)?.[1]?.toLowerCase();
  const meal: Meal | undefined = named
    ? named === "supper"
      ? "dinner"
      : (named as Meal)
    : /\b(?:have|did) you (?:eaten|eat)\b|\beaten (?:yet|anything)\b/i.test(text)
      ? mealOfHour(hour)
      : undefined;
  if (!meal || !/\b(?:eat|eaten|ate|have|had|having|make|made|cook)\b/i.test(text)) return null;
  const dish = dishOf(context, meal);
  return hour >= MEAL_HOUR[meal]
    ? [
        meal === "breakfast" ? `Breakfast was ${dish}` : `I had ${dish}`,
        random.pick(["Nothing fancy, but good", "Simple, but it hit the spot"]),
      ]
    : [`Not yet — probably ${dish} later`, "I'm already thinking about it"];
}
