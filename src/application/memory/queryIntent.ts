import type { FactKind } from "./factKinds.ts";
import { petPattern, relationPattern } from "./factLexicon.ts";

/**
 * What kind of fact a message asks about or touches on, and words that facts of that kind are
 * written with. "What do I do for a living?" shares no content word with "Sam works as a nurse";
 * its intent (work) and the expansion ("works job occupation…") bridge the gap for any embedder,
 * and keep "living room" lines from winning on the word "living".
 */
export interface QueryIntent {
  kinds: FactKind[];
  /** The query with the words of its intents added, for embedding. */
  expanded: string;
}

interface KindCue {
  kind: FactKind;
  cue: RegExp;
  expansion: string;
}

const re = (source: string) => new RegExp(source, "i");

const CUES: KindCue[] = [
  {
    kind: "work",
    cue: /\b(?:jobs?|work(?:s|ing|ed)?|career|occupation|profession|employ\w*|for a living|earn\w* (?:a |my )?(?:living|money)|make (?:a|my) living|pays? (?:the|my) bills|line of work|field|trade|nine to five|office|boss|colleagues?|co-?workers?|shifts?|salary|pay ?check|company|business|stud(?:y|ying|ies)|degree|university|uni|college|class(?:es)?|lessons?|teach\w*|what do i do\b|do all day)\b/i,
    expansion: "works as job occupation career profession employer",
  },
  {
    kind: "place",
    cue: /\b(?:where|lives?|living in|home|hometown|grew up|grow up|childhood|raised|born|come from|from originally|city|town|country|village|mov(?:e|ed|ing)|relocat\w*|emigrat\w*|neighbou?rhood|address|abroad)\b/i,
    expansion: "lives grew up born from hometown city moved",
  },
  {
    kind: "person",
    cue: re(
      `\\b(?:${relationPattern}|who|family|married|single|relationship|siblings?|related|girls?|boys?|little one|lad|lass|spouse|other half|better half|significant other|names?|whose|whom|wedding)\\b`,
    ),
    expansion: "family sister brother mother father partner wife husband friend son daughter called",
  },
  {
    kind: "pet",
    cue: re(
      `\\b(?:${petPattern}|animals?|furry|fluffy|four-legged|walkies|paws?|bark\\w*|meow\\w*|fur ?baby|rodents?|reptiles?|critters?|creatures?)\\b`,
    ),
    expansion: "pet dog cat named",
  },
  {
    kind: "date",
    cue: /\b(?:when|birthdays?|bday|born|birth|date|anniversary|how old|age|older|turn(?:ing)? \w+|celebrat\w*|cake|candles|card|(?:what|which) year)\b/i,
    expansion: "birthday born date anniversary",
  },
  {
    kind: "preference",
    cue: /\b(?:likes?|loves?|enjoy\w*|favou?rites?|fan|into|hates?|prefer\w*|taste|music|foods?|songs?|bands?|genre|films?|movies?|shows?|books?|read|hobb(?:y|ies)|free time|spare time|for fun|sports?|team|listen\w*|watch\w*|colou?r|cuisine|dish)\b/i,
    expansion: "loves likes enjoys favourite fan hates prefers",
  },
  {
    kind: "health",
    cue: /\b(?:health\w*|allerg\w*|sick|ill(?:ness)?|doctor|hospital|medic\w*|condition|diet\w*|eat|foods?|can'?t have|avoid|stay away|safe to|pain|hurts?|aches?|injur\w*|body|head|headaches?|back|stomach|knees?|skin|sleep|rest|breath\w*|inhaler|surgery|vegan|vegetarian|meat|dairy|gluten|nuts?|peanuts?|sugar|wheelchair)\b/i,
    expansion: "allergic allergy health diet condition medication",
  },
  {
    kind: "plan",
    cue: /\b(?:plans?|planning|going to|gonna|next|upcoming|soon|future|trips?|flights?|flying|moving house|ferry|in (?:a|two|three|four|a few|\d+) (?:days|weeks|months)|travel\w*|holiday|vacation|visit\w*|this (?:week(?:end)?|month|year|summer|autumn|fall|winter|spring)|tomorrow|goals?|dreams?|hoping|preparing|training for|about to|take up|taking up|sign(?:ing)? up|start(?:ing)?|learn(?:ing)?|wedding|getting married|exam|interview|appointments?|coming up|ahead)\b|\bwhat (?:do I have|have I got|I(?:'ve| have)? got|I have)\b(?! (?:to|in common)\b)|\b(?:have I got|do I have) anything (?:on|at|this|tonight|later)\b|\bwhat(?:'s| is) on (?:for me|today|tonight|tomorrow|this|later)\b|\banything on (?:today|tonight|tomorrow|this|later|for)\b/i,
    expansion: "planning going to trip next plans",
  },
  {
    kind: "other",
    cue: /\b(?:always|usually|habits?|routine|every (?:day|morning|night)|forget\w*|languages?|speak|drive|car|alarm|wake|wakes|bedtime|schedule)\b/i,
    expansion: "always usually every",
  },
];

/** "Living room" and "for a living" are different things: the phrase is read before its words. */
const PHRASES_FIRST: [RegExp, string][] = [
  [/\bfor a living\b/gi, " job "],
  [/\bliving room\b/gi, " lounge "],
];

/** "What do you know about me?" asks after everything the person has told, whatever its kind. */
const ASKS_EVERYTHING =
  /\bwhat (?:do|did|have) you (?:know|remember|learn(?:ed|t)?|found out) about me\b|\bwhat you (?:know|remember) about me\b/i;

export function intentOf(query: string): QueryIntent {
  const text = PHRASES_FIRST.reduce((t, [phrase, replacement]) => t.replace(phrase, replacement), query);
  const matched = ASKS_EVERYTHING.test(text)
    ? CUES.filter(({ kind }) => kind !== "other")
    : CUES.filter(({ cue }) => cue.test(text));
  const expansion = matched.map((cue) => cue.expansion).join(" ");
  return { kinds: matched.map(({ kind }) => kind), expanded: expansion ? `${query} ${expansion}` : query };
}

/** Which kind wins when a fact's text touches several ("Sam's sister lives in Lisbon" is about the sister). */
const FACT_KIND_PRIORITY: FactKind[] = [
  "pet",
  "person",
  "health",
  "date",
  "work",
  "plan",
  "place",
  "preference",
];

/** The kind of a fact written as text (a model's summary facts carry none). */
export function kindOfFactText(text: string): FactKind {
  const kinds = new Set(intentOf(text).kinds);
  return FACT_KIND_PRIORITY.find((kind) => kinds.has(kind)) ?? "other";
}

/** The other kinds a fact touches on, besides its own. */
export function relatedKindsOf(text: string, kind: FactKind): FactKind[] {
  return intentOf(text).kinds.filter((related) => related !== kind && related !== "other");
}
