/** Letters whose spoken name starts with a vowel sound: "an FBI agent", "an MBA student". */
const VOWEL_NAMED_LETTERS = "AEFHILMNORSX";

/** Words spelt with a vowel that start with a consonant sound: "a university", "a European". */
const CONSONANT_SOUNDING = /^(?:uni(?![mn])|use|usu|uti|ute|ura|uro|ubi|uku|eu|ew|onc?e\b|one-)/;

/** Words spelt with a consonant that start with a vowel sound: "an hour", "an honest". */
const VOWEL_SOUNDING = /^(?:hour|honest|honou?r|heir|x-|8|1[18](?:\D|$))/;

/**
 * "a" or "an" for the phrase that follows, by how its first word sounds, not only how it is spelt:
 * "an hour", "a university", "an SEO specialist", "a UX designer", "an 8-year-old".
 */
export function indefiniteArticle(phrase: string): "a" | "an" {
  const word = phrase.trim().split(/[\s/]/, 1)[0] ?? "";
  if (word === "") return "a";
  const letters = word.replace(/[-.]/g, "");
  if (/^\p{Lu}{2,}s?$/u.test(letters) || /^\p{Lu}$/u.test(word)) {
    // Short capitals are spelt out ("an FBI agent"); longer ones with vowels are said as words ("a NASA engineer").
    const saidAsWord = letters.length >= 4 && /^.[AEIOU]|^[AEIOU][^AEIOU]/.test(letters);
    if (!saidAsWord) return VOWEL_NAMED_LETTERS.includes(word.charAt(0)) ? "an" : "a";
  }
  const lower = word.toLowerCase();
  if (VOWEL_SOUNDING.test(lower)) return "an";
  if (CONSONANT_SOUNDING.test(lower)) return "a";
  return /^[aeiou]/.test(lower) ? "an" : "a";
}

/** The phrase with its indefinite article: "an engineer", "a university lecturer". */
export function withIndefiniteArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}
