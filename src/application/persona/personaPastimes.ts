import type { SeededRandom } from "./personaRandom.ts";

/**
 * Interests that are things to do ("surfing", "night walks", "pottery"), as opposed to things the
 * agent is fond of ("pastéis de nata", "old trams"): only these can fill "I'll probably do some…"
 * or "my free time goes to…".
 */
const PASTIME =
  /(?:ing|walks?|hikes?|yoga|pilates|pottery|photography|chess|tennis|football|golf|music|films?|movies|cinema|art|karaoke|records|vinyl|books|games|puzzles|crosswords|sports?|ballet|salsa|tango|theatre|theater|museums?|galleries)$/i;

export function pastimeOf(
  interests: readonly string[],
  random: SeededRandom,
  fallback = "long walks",
): string {
  const pastimes = interests.filter((interest) => PASTIME.test(interest.trim()));
  return pastimes.length > 0 ? random.pick(pastimes) : fallback;
}
