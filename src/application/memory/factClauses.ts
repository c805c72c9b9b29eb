import nlp from "compromise";
import { PLACE_FRAGMENT, spelledOut } from "./selfIntroduction.ts";

/**
 * A message cut into the clauses that may state something about the person: questions, fillers
 * and greetings gone, one clause per first-person statement ("I love jazz but I hate opera" → two).
 */

const FIRST_PERSON_START = "(?:I|I'm|I've|I'll|I'd|my|we|we're|we've|we'll|our)\\b";
const EMOJI = "(?:\\p{Extended_Pictographic}|\\p{Regional_Indicator}|\\u200d|\\ufe0f)";
const CLAUSE_BREAK = new RegExp(
  `\\s*(?:;|\\.{2,}|…|\\s[-–—]\\s|,?\\s+(?:and|but|so|because|cause|cos|though|although|plus|while|whereas|and also|but also)\\s+(?=${FIRST_PERSON_START})|,?\\s+(?:and|but)\\s+(?=${PLACE_FRAGMENT})|,(?<!^(?:I'm|I am) [\\p{L}'-]+,)\\s+(?=(?:originally|now|currently) ${PLACE_FRAGMENT}|(?:living|based) in\\b)|,\\s+(?=${FIRST_PERSON_START})|\\s*${EMOJI}+\\s*(?=${FIRST_PERSON_START}|${PLACE_FRAGMENT}))\\s*`,
  "u",
);

/** Openers and tags that carry nothing: "Oh,", "Haha", "Guess what,", ", you know", "lol". */
const LEADING_FILLER =
  /^(?:and|but|or|plus|then|oh|ah|aw+|well|so|hey|hi|hello|hiya|yo|haha+|hehe+|lol|lmao|omg|wow|yeah|yes|yep|yup|no|nope|nah|okay|ok|right|sure|actually|honestly|anyway|anyways|also|btw|by the way|(?:please )?remember(?: that)?|don't forget(?: that)?|just so you know|fyi|for the record|fun fact|guess what|you know what|you know|in fact|funnily enough|to be honest|tbh|thanks|thank you|sorry|um+|uh+|hmm+|ha)\b[\s,!:.…-]*/i;
const TRAILING_FILLER =
  /[\s,]*(?:\b(?:you know|haha+|hehe+|lol|lmao|though|too|as well|like i said|as i said|like i told you|as i told you|if you remember|nice to meet (?:you|ya)|just so you know|by the way|btw)\b|[:;]-?[()DPp]|(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200d|\ufe0f)+)[\s.!,…]*$/iu;
/** "…, wish me luck", "so keep your fingers crossed for me": a request to the listener, no fact. */
const REQUEST_TO_LISTENER =
  /[\s,]*(?:\b(?:so|and|pls|please)\s+)*\b(?:wish me\b|(?:keep|cross) (?:your |ur |ya )?fingers\b|(?:pray|root|cheer) for me\b|think of me\b|send (?:me )?(?:some |good |positive )*(?:vibes|luck|love|prayers)\b|(?:say|tell me) (?:congrats|congratulations|good luck)\b)[^.!?]*[\s.!…]*$/i;
const COMPARISON_WITH_AGENT = /\s*,?\s*(?:\bjust\s+)?\b(?:like|same as|just like|as well as)\s+you\b.*$/i;

/** Straight quotes, "i" as a word, "im"/"ive" without apostrophes: chat spelling made regular. */
export function normaliseChat(text: string): string {
  // A message in capitals is shouted, not a string of names.
  const letters = text.replace(/[^\p{L}]/gu, "");
  const shouted = letters.length > 10 && letters.replace(/\P{Lu}/gu, "").length / letters.length > 0.8;
  return (shouted ? text.toLowerCase() : text)
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\bi\b(?!\.e\.)/g, "I")
    .replace(/\b(?:I|i)m\b/g, "I'm")
    .replace(/\b(?:I|i)ve\b/g, "I've")
    .replace(/\b(?:I|i)ll\b(?=\s+(?:be|go|have|try|see|do|start|move|visit|fly|need)\b)/g, "I'll")
    .replace(/\bdont\b/gi, "don't")
    .replace(/\bcant\b/gi, "can't")
    .replace(/\s+/g, " ")
    .trim();
}

const INVERTED_QUESTION =
  /^(?:do|does|did|are|is|was|were|am|can|could|would|will|have|has|had|should|shall|may|might|must|won't|don't|didn't|isn't|aren't|can't|wouldn't|haven't)\s+(?:you|u|i|we|he|she|they|it|my|your|our|there|this|that|the)\b/i;
const WH_QUESTION =
  /^(?:what|what's|whats|where|where's|when|when's|who|who's|whom|whose|why|how|how's|which)\b(?:\s+\w+)?\s+(?:do|does|did|is|are|was|were|can|could|would|will|have|has|should|'s)\b|^(?:what|where|when|who|why|how)'s\b|^how (?:old|long|many|much|come)\b/i;

export function isQuestion(sentence: string): boolean {
  const text = sentence.trim();
  return (
    /\?\s*[\p{Extended_Pictographic}\s!.)]*$/u.test(text) ||
    INVERTED_QUESTION.test(text) ||
    WH_QUESTION.test(text)
  );
}

export interface StatementClause {
  text: string;
  /** The sentence the clause comes from, for what the clause leaves implicit ("we"). */
  sentence: string;
}

/** "My wife and I" is one subject, not a place to cut the sentence. */
const COMPOUND_SUBJECT =
  /\b((?:my|our) (?!name\b|name's\b)(?:(?!(?:is|are|was|were|am|be|has|have|had|do|does|did|and|but|or|who|that)\b)[\w'-]+ ){0,2}(?!(?:is|are|was|were|am|be|has|have|had|do|does|did|and|but|or|who|that)\b)[\w'-]+) and I\b/gi;
const JOINED = "\uE000";
/** "I have a cat and we named her Mochi": the naming finishes the clause about the pet. */
const PET_NAMING = /,?\s+(?:and|so)\s+(?=(?:we|I) (?:named|called) (?:him|her|it|them)\s+\p{Lu})/gu;
const NAMING_JOINED = "\uE001";

/** The statement clauses of a message, fillers stripped; questions are left out whole. */
export function statementClauses(text: string, agentName?: string): StatementClause[] {
  const sentences = sentencesOf(text);
  const clauses: StatementClause[] = [];
  for (const raw of sentences.flatMap((s) => s.split(/(?<=[!?])\s+|\n+/))) {
    const sentence = stripVocative(raw.trim(), agentName);
    if (sentence.length < 3 || isQuestion(sentence)) continue;
    const joined = sentence.replace(COMPOUND_SUBJECT, `$1${JOINED}`).replace(PET_NAMING, NAMING_JOINED);
    for (const part of joined.split(CLAUSE_BREAK)) {
      const tidied = tidy(part.replaceAll(JOINED, " and I").replaceAll(NAMING_JOINED, " and "), agentName);
      if (tidied.length < 3 || isQuestion(tidied)) continue;
      for (const clause of spelledOut(tidied)) clauses.push({ text: clause, sentence });
    }
  }
  return clauses;
}

/**
 * The same message is read for facts as it is answered, by the fact reactor and again by the
 * summary: its sentences are split once while it is recent.
 */
const RECENT_TEXTS = 512;
const recentSentences = new Map<string, readonly string[]>();

function sentencesOf(text: string): readonly string[] {
  const known = recentSentences.get(text);
  if (known) return known;
  // Splitting needs only the tokenizer: tagging every word as well cost 1–4 ms for a chat line and
  // most of a second for a 4,000-character message, for the same sentences.
  const sentences = Object.freeze(nlp.tokenize(normaliseChat(text)).sentences().out("array") as string[]);
  if (recentSentences.size >= RECENT_TEXTS) recentSentences.delete(recentSentences.keys().next().value!);
  recentSentences.set(text, sentences);
  return sentences;
}

/** "Hi Aiko!", "aiko 😊 I …", "…, Aiko": the agent addressed, which says nothing about the person. */
function stripVocative(sentence: string, agentName?: string): string {
  if (!agentName) return sentence;
  const name = agentNamePattern(agentName);
  const greeting =
    "(?:(?:hi|hey|hello|hiya|oh|dear|thanks|thank you|morning|good morning|evening)\\b[,!]?\\s*)?";
  return sentence
    .replace(
      new RegExp(
        `^${greeting}${name}(?:\\s*[,!.:]\\s*|\\s*${EMOJI}+\\s*|\\s+(?=${FIRST_PERSON_START}))`,
        "iu",
      ),
      "",
    )
    .replace(new RegExp(`,\\s*${name}\\s*([.!?]*)$`, "i"), "$1");
}

const TITLES =
  /^(?:the|mr|mrs|ms|miss|mx|dr|doc|sir|lady|lord|dame|captain|professor|prof|saint|uncle|auntie|aunt)$/i;

/** The agent's name as the person writes it: whole, or its first word ("Aiko" for "Aiko Tanaka"). */
function agentNamePattern(agentName: string): string {
  const whole = agentName.trim();
  const first = whole.split(/\s+/)[0] ?? whole;
  // "The Oracle" or "Dr Lin" is not called "The" or "Dr".
  if (!/^\p{Lu}\p{L}{2,}$/u.test(first) || TITLES.test(first)) return `\\b${escapeRegExp(whole)}\\b`;
  return `\\b(?:${escapeRegExp(whole)}|${escapeRegExp(first)})\\b`;
}

/** "I guess I like cats" says "I like cats". */
const HEDGE =
  /^I (?:guess|think|suppose|mean|feel like|reckon|believe|'d say|would say),?\s+(?=(?:I|I'm|I've|my)\b)/i;

function tidy(clause: string, agentName?: string): string {
  let text = clause.trim();
  for (let i = 0; i < 4; i++) {
    const before = text;
    text = text
      .replace(LEADING_FILLER, "")
      .replace(TRAILING_FILLER, "")
      .replace(REQUEST_TO_LISTENER, "")
      .replace(HEDGE, "")
      .trim();
    if (text === before) break;
  }
  text = text.replace(COMPARISON_WITH_AGENT, "");
  if (agentName) text = stripVocative(text, agentName);
  return text.replace(/[\s,;:.!…]+$/u, "").trim();
}

const AGENT_WORDS =
  /\b(?:you|your|yours|yourself|u|ur|ya|thee)\b|\byou're\b|\byou've\b|\byou'll\b|\byou'd\b/i;

/** The clause is about the agent, or speaks to it: "you're sweet", "I love your drawings". */
export function mentionsAgent(clause: string, agentName?: string): boolean {
  if (AGENT_WORDS.test(clause)) return true;
  return agentName ? new RegExp(agentNamePattern(agentName), "i").test(clause) : false;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
