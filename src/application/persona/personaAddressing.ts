import nlp from "compromise";
import { LRUCache } from "lru-cache";

/** Saying a remembered fact back to the person it is about: "Sam has a dog" → "you have a dog". */

/**
 * How facts may name the person: by their profile's name, or (since they introduced themselves)
 * by the one they asked to be called.
 */
export type PersonNames = string | readonly string[];

/** The names a reply's context knows the person by. */
export function personNames(context: { personName: string; calledName?: string | null }): string[] {
  return context.calledName ? [context.calledName, context.personName] : [context.personName];
}

export function namesIn(names: PersonNames): string[] {
  return (typeof names === "string" ? [names] : [...names]).filter((name) => name.trim() !== "");
}

/** The names as one regex alternative (matching nothing when there are none). */
export function namePattern(names: PersonNames): string {
  const found = namesIn(names).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return found.length > 0 ? found.join("|") : "(?!)";
}

/** "Sam's sister is called Ana" / "my sister is called Ana" → "your sister is called Ana". */
const NAMING = /\b(?:called|named|name is|name's|known as|call (?:you|them|him|her))\s+$/i;

export function aboutThePerson(text: string, personName: PersonNames): string {
  const name = namePattern(personName);
  // "I passed you a croissant", the person's own words to the agent: "you passed me a croissant".
  const TO_AGENT = "\u0001";
  let spoken = text
    .trim()
    .replace(/^(I \p{L}+) you\b/u, `$1 ${TO_AGENT}`)
    // "…on Friday, wish me luck": the wish was for then, not part of what is recalled.
    .replace(new RegExp(`,?\\s*\\bwish (?:me|${name}) luck\\b[!.]*`, "gi"), "")
    .replace(/[.!]+$/, "")
    // "…to Leipzig actually", "…this morning lol": words said in passing are not said back.
    .replace(/(?:[,\s]+(?:actually|tho|though|anyway|lol|haha|btw))+$/i, "")
    .replace(new RegExp(`\\b(?:${name}|the person|the user)['’]s\\b`, "gi"), "your")
    // "Chris' dog": a name ending in s takes the apostrophe alone.
    .replace(new RegExp(`\\b(?:${name})['’](?!\\p{L})`, "giu"), "your")
    .replace(/\b(?:my|our)\b/gi, "your")
    .replace(/\b(?:I'm|I am)\b/g, "you're")
    .replace(/\bI('ve|'d|'ll)\b/g, "you$1")
    .replace(/\bI was\b/g, "you were")
    // "We are having a girl", told by the person: them and theirs, spoken to them.
    .replace(/^(?:we're|we are)\b/i, "you're")
    .replace(/^we\b/i, "you")
    .replace(/\bmyself\b/gi, "yourself")
    .replace(/\bme\b/g, "you");
  const subject = new RegExp(
    `^(?:${name}|the person|the user|I|they|he|she)\\s+((?:${ADVERBS}\\s+)*)(\\p{L}+)`,
    "iu",
  );
  const aboutThem = subject.test(spoken);
  spoken = spoken.replace(subject, (_, adverbs: string, verb: string) => `you ${adverbs}${baseForm(verb)}`);
  // A memory about the person says "their keys" and "when Sam was ten"; spoken to them, "your", "you".
  if (aboutThem) spoken = spoken.replace(/\btheir\b/gi, "your").replace(/\bthemselves\b/gi, "yourself");
  // Later in the sentence too: "but now Sam lives in Vienna" → "but now you live in Vienna".
  spoken = spoken.replace(
    new RegExp(`\\b(?:${name})\\s+((?:${ADVERBS}\\s+)*)(is|was|has|\\p{Ll}+(?<!ss)s)\\b`, "gu"),
    (_, adverbs: string, verb: string) => `you ${adverbs}${baseForm(verb)}`,
  );
  // A name given as a name stays one: "you like to be called Sam", not "called you".
  spoken = spoken
    .replace(new RegExp(`\\b(?:${name})\\b`, "g"), (found, at: number, whole: string) =>
      NAMING.test(whole.slice(0, at)) ? found : "you",
    )
    .replace(/\bI\b/g, "you")
    .replaceAll(TO_AGENT, "me");
  // Said mid-sentence ("Of course I remember — …"): a name keeps its capital, "Ana is your sister".
  const first = /^\p{L}+/u.exec(spoken)?.[0] ?? "";
  return isName(first) ? spoken : spoken.charAt(0).toLowerCase() + spoken.slice(1);
}

const names = new LRUCache<string, boolean>({ max: 2_000 });

function isName(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word) || /^(?:You|Your|Yours|They|Their|The|A|An|It|Its)$/.test(word))
    return false;
  const known = names.get(word);
  if (known !== undefined) return known;
  const name = nlp(word).has("#ProperNoun");
  names.set(word, name);
  return name;
}

const ADVERBS = "(?:always|usually|never|often|sometimes|really|just|also|still|absolutely|rarely)";

function baseForm(verb: string): string {
  const lower = verb.toLowerCase();
  const irregular: Record<string, string> = { is: "are", was: "were", has: "have", does: "do", goes: "go" };
  if (lower in irregular) return irregular[lower]!;
  if (lower.endsWith("ies")) return `${lower.slice(0, -3)}y`;
  if (/(?:sh|ch|x|ss)es$/.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith("s") && !lower.endsWith("ss")) return lower.slice(0, -1);
  return lower;
}
