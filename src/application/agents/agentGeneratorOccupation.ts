import { lifeStageOccupation, occupationFromVerbs } from "./agentGeneratorVerbJobs.ts";
import { TRAIT_WORDS } from "./agentGeneratorWords.ts";

const BOUNDARY =
  /^(?:in|from|at|who|whom|with|that|living|lives|based|named|called|and|whose|near|on|of|for|which|but|out|around|,|\.|;|!|\?)$/i;
const AGE_WORDS =
  /^(?:old|young|elderly|middle-aged|aging|ageing|older|younger|\d+-year-old|\d+-something)$/i;
const GENDER_NOUNS =
  /^(?:woman|women|man|men|guy|girl|boy|lady|gentleman|person|people|someone|somebody|soul|character|friend|companion|dude|gal|bloke|chap|fellow|female|male|mum|mom|dad|mother|father|grandmother|grandfather|grandma|grandpa|wife|husband)$/i;
const ACRONYMS = /^(?:PhD|DJ|ICU|ER|IT|UX|UI|NHS|TV)$/;

/** The occupation a description names ("a retired nurse", "works as a DJ"), or one its verbs imply. */
export function occupationIn(text: string): string | null {
  const explicit =
    /\b(?:works? as|working as|job as|employed as|career as|is)\s+(?:a|an)\s+([^,.;!?]+)/i.exec(text) ??
    /\b(?:a|an)\s+([^,.;!?]+?)\s+by trade\b/i.exec(text);
  const phrases: string[] = [];
  if (explicit) phrases.push(explicit[1]!);
  for (const match of text.matchAll(/(?:^|[\s,(])(?:a|an)\s+([^,.;!?]+)/gi)) phrases.push(match[1]!);
  // "She teaches yoga" starts with who, not with what they are.
  if (/^[a-z]/i.test(text) && !/^(?:a|an|she|he|they|I)\b/i.test(text)) phrases.push(text);
  for (const phrase of phrases) {
    const occupation = occupationOfPhrase(phrase);
    if (occupation) return occupation;
  }
  return occupationFromVerbs(text) ?? lifeStageOccupation(text);
}

function occupationOfPhrase(phrase: string): string | null {
  const words: string[] = [];
  const withoutAge = phrase.replace(/^\s*\d{1,3}[- ]?(?:years?[- ]old|yo|y\/o)\s+/i, "");
  for (const raw of withoutAge.split(/\s+/)) {
    const word = raw.replace(/[^\p{L}\d'-]/gu, "");
    if (!word || BOUNDARY.test(word) || /^\d+$/.test(word)) break;
    words.push(word);
  }
  // "an ex-marine turned florist": what they are now.
  const turned = words.lastIndexOf("turned");
  if (turned >= 0) words.splice(0, turned + 1);
  const capitalised = words.every((word) => /^\p{Lu}/u.test(word));
  const kept = words.filter(
    (word) =>
      !AGE_WORDS.test(word) &&
      !TRAIT_WORDS.has(word.toLowerCase()) &&
      (capitalised || !/^\p{Lu}/u.test(word) || ACRONYMS.test(word)),
  );
  // "a stay-at-home dad" keeps the noun that makes it a role.
  while (
    kept.length > 1 &&
    GENDER_NOUNS.test(kept.at(-1)!) &&
    !/at-home$|^single$|^full-time$/i.test(kept.at(-2)!)
  )
    kept.pop();
  if (kept.length === 1 && GENDER_NOUNS.test(kept[0]!)) kept.pop();
  while (kept.length > 0 && /^(?:female|male|very|really|quite|rather|kind|sort)$/i.test(kept[0]!))
    kept.shift();
  // Who they are ("a nonbinary barista", "a deaf potter") is not part of the job's name.
  while (
    kept.length > 1 &&
    /^(?:non-?binary|enby|trans|transgender|queer|gay|lesbian|bisexual|deaf|blind|disabled|autistic|neurodivergent|immigrant|expat)$/i.test(
      kept[0]!,
    )
  )
    kept.shift();
  if (kept.length === 0 || kept.length > 5) return null;
  const occupation = kept
    .join(" ")
    .toLowerCase()
    .replace(/\bphd\b/, "PhD")
    .replace(/\bicu\b/, "ICU")
    .replace(/\bdj\b/, "DJ");
  if (!/[a-z]{3,}/i.test(occupation)) return null;
  return occupation;
}
