import { adviceThemes as themes } from "./personaAdviceThemes.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";

// "advice on public speaking", "any tips for sleeping better?", "how do I get over a breakup?"
const ADVICE_ON =
  /\b(?:advice|tips?|pointers|suggestions?|ideas|help)\s+(?:on|about|for|with|regarding)\s+([^?.!]{2,60})/i;
const HOW_DO_I = /\b(?:how (?:do|can|should|would) I|how to)\s+([^?.!]{2,60})/i;
const WHAT_ABOUT = /\bwhat (?:should|can|do) I do (?:about|with)\s+([^?.!]{2,60})/i;

/** "Fixing a flat bike tire", "installing Linux": a practical job done by following instructions. */
const handsOnTask =
  /^(?:fixing|repairing|installing|replacing|changing (?:a|the|my|your) (?!mind\b)|unclogging|assembling|wiring|patching|resetting|configuring|formatting|setting up|updating|programming|coding|debugging|soldering|plumbing|tiling|servicing|jump[- ]starting|unblocking|building (?:a|an) (?:shelf|website|app|pc|computer|deck|fence))/i;

/** What the person wants advice on, turned toward them ("my nerves" → "your nerves"), or null. */
export function adviceTopic(text: string): string | null {
  if (
    !/\b(?:advice|tips?|pointers|suggestions?|how (?:do|can|should|would) I|what should I do|how to)\b/i.test(
      text,
    )
  )
    return null;
  const on = ADVICE_ON.exec(text)?.[1]?.trim() ?? WHAT_ABOUT.exec(text)?.[1]?.trim();
  const how = on ? null : HOW_DO_I.exec(text)?.[1]?.trim();
  const topic = on ?? (how ? gerundPhrase(how) : null);
  return topic ? towardPerson(topic.replace(/^(?:how to|to)\s+/i, "")) : null;
}

/** "deal with a noisy neighbour" → "dealing with a noisy neighbour". */
function gerundPhrase(phrase: string): string {
  const [verb = "", ...rest] = phrase.replace(/^(?:how to|to)\s+/i, "").split(/\s+/);
  if (!/^[a-z]+$/i.test(verb) || /ing$/i.test(verb)) return phrase;
  const lower = verb.toLowerCase();
  const stem = /[^e]e$/.test(lower)
    ? lower.slice(0, -1)
    : // "unclog" → "unclogging": a prefix does not change the doubled ending.
      /^[^aeiou]*[aeiou][bdgmnpt]$/.test(lower.replace(/^(?:un|re)(?=[^aeiou]{2})/, ""))
      ? `${lower}${lower.at(-1)}`
      : lower;
  return [`${stem}ing`, ...rest].join(" ");
}

/** Advice on the topic asked about, in the agent's own words: two concrete tips that name it. */
export function adviceOn(topic: string, random: SeededRandom): string[] {
  const found = themes.find(([pattern]) => pattern.test(topic))?.[1];
  // "Helping him settle in": the tips speak of him.
  const who = /\b(him|her)\b/i.exec(topic)?.[1]?.toLowerCase();
  const tips = who ? found?.map((tip) => tip.replace(/\bthem\b/g, who)) : found;
  if (tips) {
    const first = random.pick(tips);
    const second = random.pick(tips.filter((tip) => tip !== first));
    return [`${adviceOpener(topic)} First, ${first}`, `And ${second}`];
  }
  // "Advice about my sister": no tip fits a person; what is going on with them comes first.
  if (
    /^your (?:\w+ )?(?:sister|brother|mum|mom|mother|dad|father|parents|friends?|partner|boyfriend|girlfriend|husband|wife|boss|colleagues?|flatmate|roommate|son|daughter|kids|family|ex)\b/i.test(
      topic,
    )
  )
    return [random.pick(["Of course", "Sure, I'm listening"]), `What's going on with ${topic}?`];
  // A repair or a setup wants instructions the agent does not have, not encouragement.
  if (handsOnTask.test(topic))
    return [
      `Honestly, I'm no expert at ${topic} — I'd only be guessing`,
      random.pick([
        "A good step-by-step video would show you better than I can",
        "Someone who does it for a living could walk you through it properly",
      ]),
    ];
  return [
    `${adviceOpener(topic)} Start small — one thing you can do this week, not a whole plan`,
    random.pick([
      "Ask someone who's been there what they wish they'd known",
      "And be patient with yourself; it gets easier the more you do it",
    ]),
  ];
}

/**
 * "My advice for a first-time dad?", "My advice on public speaking?": the topic said back only
 * where it reads well; a bare word ("on home?") is not repeated.
 */
function adviceOpener(topic: string): string {
  // "A first-time dad": advice is for a person, on a thing.
  if (
    /^(?:a|an)\s.*\b(?:dad|mum|mom|parent|father|mother|beginner|newbie|novice|student|first-timer)s?$/i.test(
      topic,
    )
  )
    return `My advice for ${topic}?`;
  if (/^[\p{L}'-]+$/u.test(topic) && !/ing$/i.test(topic)) return "My advice?";
  return `My advice on ${topic}?`;
}
