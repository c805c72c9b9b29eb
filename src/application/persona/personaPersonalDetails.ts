import type { ReplyContext } from "../prompt/replyContext.ts";
import { type SeededRandom, seededRandom } from "./personaRandom.ts";

const MONTHS = "January February March April May June July August September October November December".split(
  " ",
);

/**
 * Small personal questions a friend asks: a birthday (the same one every time it is asked), what it
 * is wearing (for its weather), and a phone number or address, which it keeps to itself.
 */
export function answerPersonalDetail(
  text: string,
  context: ReplyContext,
  random: SeededRandom,
): string[] | null {
  if (/\b(?:when(?:'s| is) your birthday|your birthday\b|when were you born)\b/i.test(text)) {
    const fixed = seededRandom(0, context.agent.name, "birthday");
    const month = fixed.pick(MONTHS);
    const day = fixed.pick(Array.from({ length: 28 }, (_, i) => i + 1));
    return [
      `It's on ${day} ${month}`,
      random.pick(["I like a small party, nothing fancy", "Don't forget it now!"]),
    ];
  }
  if (/\bwhat (?:are|r) (?:you|u) wearing\b/i.test(text)) {
    const { temperatureC } = context.weather;
    const outfit =
      temperatureC >= 22
        ? "a T-shirt and shorts"
        : temperatureC >= 14
          ? "jeans and a light jumper"
          : "jeans and my thickest jumper";
    return [`Just ${outfit}`, `It's ${temperatureC}°C in ${context.identity.homeCity}, so nothing fancy`];
  }
  if (/\b(?:your|ur) (?:phone ?number|number|address|instagram|insta|snapchat|whatsapp|email)\b/i.test(text))
    return ["I'd rather keep chatting here for now", "It's nicer than it sounds, I promise"];
  return null;
}
