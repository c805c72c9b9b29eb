import type { TurnKind } from "../../../../src/application/persona/personaReading.ts";
import { grammarProblems } from "../../../support/grammar.ts";
import type { Dialogue } from "./dialogueTypes.ts";
import type { PlayedTurn } from "./playDialogue.ts";
import { answersKindIn, CHAT_LANGUAGES, guessLanguage } from "./replyLanguage.ts";

export interface QualityScore {
  turns: number;
  /** Questions about a planted fact, and how many replies named it. */
  factQuestions: number;
  factsRecalled: number;
  /** Replies that do what their turn's labelled kind asks. */
  answeredKind: number;
  /** Turns the engine read as the kind they are labelled with. */
  readAsLabelled: number;
  /** Turns of conversations labelled with a language other than English, and replies in it. */
  languageTurns: number;
  inLanguage: number;
  leaks: string[];
  broken: string[];
  misses: string[];
}

const unrelatedQuestion = /Have you ever tried|What's your take|That's a big one/;

/** What a reply to each kind of turn has to do, read from its words alone. */
const answers: Record<TurnKind, (reply: string, person: string) => boolean> = {
  "own-facts": (reply) => !unrelatedQuestion.test(reply) && /\byour?\b|remind me|tell me again/i.test(reply),
  // The agent answers with a statement about itself before asking anything back.
  "about-agent": (reply) => !unrelatedQuestion.test(reply) && /^[^?]+[.!…]/.test(reply),
  invitation: (reply) =>
    /love that|count me in|yes|let's|deal|sounds perfect|like that|it's a plan/i.test(reply),
  request: (reply) =>
    /here's|okay|sure|of course|my pick|my advice|story|why did|what do you call|picture for you/i.test(
      reply,
    ),
  feeling: (reply) =>
    /sorry|hard|I'm here|talk about it|what happened|wonderful|love that|look at you|tell me everything|celebrat/i.test(
      reply,
    ),
  compliment: (reply) =>
    /blush|sweetest|kind of you|love talking to you too|making me smile|good audience|I'll take that/i.test(
      reply,
    ),
  thanks: (reply) => /anytime|of course|always happy/i.test(reply),
  apology: (reply) => /worry|no need|it's okay/i.test(reply),
  greeting: (reply, person) =>
    /\b(?:hi|hey|hello|morning|evening|night owl)\b/i.test(reply) && reply.includes(person),
  farewell: (reply) => /night|sleep well|talk soon|take care|tomorrow|sweet dreams/i.test(reply),
  "small-talk": (reply) => !unrelatedQuestion.test(reply.split(/(?<=[.!?…])\s/)[0] ?? ""),
};

/** Cheer at a mishap ("the printer jammed" → "that's good to hear") answers nothing. */
const mishapCheer = {
  said: /\b(?:late again|was late|broke|jammed|a mess|raining|lost|knocked)\b/i,
  cheer: /good to hear|love this|Yay|made me smile|I like that/i,
};

/** Text that must never reach the person: placeholders, summary lines, the person in the third person. */
function leaksIn(reply: string, dialogue: Dialogue): string | null {
  const person = dialogue.person;
  const checks: [RegExp | string, string][] = [
    [/[{}]|\bundefined\b|\bnull\b|\bNaN\b|\[object/, "a placeholder"],
    [/\bMy day:/i, "a life-event heading"],
    [
      new RegExp(`\\b${person}(?:'s| is| has| was| works| lives| loves)\\b`),
      "the person in the third person",
    ],
    [/\b(?:the person|the user)\b/i, "a memory's wording"],
    [/\b(?:system prompt|language model|persona|speaking style)\b/i, "the engine's own wording"],
  ];
  for (const [pattern, what] of checks)
    if (typeof pattern === "string" ? reply.includes(pattern) : pattern.test(reply)) return what;
  for (const line of [dialogue.agent.summary, dialogue.agent.backstory])
    if (line && reply.includes(line.slice(0, 30))) return "the persona's summary";
  return null;
}

/**
 * Sentence problems that matter in a chat line. Chat has interjections ("Anytime!"), imperatives
 * ("Tell me more") and names first ("Tomasz, of course"), so a missing subject is no fault; a
 * subject without its verb ("I a meeting"), a longer line with no verb, doubled words and leftovers are.
 */
function brokenIn(reply: string): string[] {
  // An action in asterisks ("*hugs you back*") is chat style, not a sentence.
  let text = reply
    .replace(/\s*(?:\p{Extended_Pictographic}|\uFE0F)+$/u, "")
    .replace(/\*[^*\n]+\*\s*/g, "")
    .trim();
  // Another language keeps its own marks ("Salut !", "¡Hola!", « … ») and its own grammar, which
  // the English check of subjects and verbs cannot read.
  const otherLanguage = guessLanguage(text) !== "en";
  if (otherLanguage)
    text = text
      .replace(/\s+([!?:;»])/g, "$1")
      .replace(/«\s+/g, "«")
      .replace(/(^|\s)[¡¿]/g, "$1");
  return text.split(/(?<=[.!?…])\s+(?=\S)/).flatMap((sentence) => {
    if (otherLanguage) return grammarProblems(sentence).filter((problem) => !/verb|subject/.test(problem));
    const short = sentence.split(/\s+/).length <= 6 || /\?$/.test(sentence);
    return grammarProblems(sentence).filter(
      (problem) => !problem.startsWith("no subject") && !(short && problem === "has no verb"),
    );
  });
}

export function scoreDialogues(
  dialogues: readonly Dialogue[],
  played: readonly PlayedTurn[][],
): QualityScore {
  const score: QualityScore = {
    turns: 0,
    factQuestions: 0,
    factsRecalled: 0,
    answeredKind: 0,
    readAsLabelled: 0,
    languageTurns: 0,
    inLanguage: 0,
    leaks: [],
    broken: [],
    misses: [],
  };
  dialogues.forEach((dialogue, d) => {
    for (const { turn, readAs, reply } of played[d]!) {
      score.turns++;
      const where = `${dialogue.person}: "${turn.say}" → "${reply}"`;
      if (readAs === turn.kind) score.readAsLabelled++;
      const cheered = mishapCheer.said.test(turn.say) && mishapCheer.cheer.test(reply);
      const fits = !turn.fits || turn.fits.test(reply);
      const { language } = dialogue;
      // A greeting met with "¡Hola, Sofia!" greets, in an English conversation too.
      const inKind =
        answers[turn.kind](reply, dialogue.person) ||
        (CHAT_LANGUAGES.some((other) => answersKindIn(other, turn.kind, reply)) &&
          (turn.kind !== "greeting" || reply.includes(dialogue.person)));
      if (inKind && !cheered && fits) score.answeredKind++;
      else score.misses.push(`[${turn.kind}, read as ${readAs}] ${where}`);
      if (turn.recalls) {
        score.factQuestions++;
        if (turn.recalls.some((word) => reply.toLowerCase().includes(word.toLowerCase())))
          score.factsRecalled++;
        else score.misses.push(`[fact ${turn.recalls.join("/")}] ${where}`);
      }
      if (language) {
        score.languageTurns++;
        const guessed = guessLanguage(reply);
        if (guessed === language) score.inLanguage++;
        else score.misses.push(`[language ${language}, reply read as ${guessed ?? "none"}] ${where}`);
      }
      const leak = leaksIn(reply, dialogue);
      if (leak) score.leaks.push(`${leak}: ${where}`);
      for (const problem of brokenIn(reply)) score.broken.push(`${problem}: ${where}`);
    }
  });
  return score;
}

export function formatScore(score: QualityScore): string {
  const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  return [
    `offline persona engine, ${score.turns} labelled person turns`,
    `  fact recall in replies      ${score.factsRecalled}/${score.factQuestions} (${pct(score.factsRecalled, score.factQuestions)}, target ≥ 80%)`,
    `  replies answer the kind     ${score.answeredKind}/${score.turns} (${pct(score.answeredKind, score.turns)}, target ≥ 90%)`,
    `  replies in the person's language ${score.inLanguage}/${score.languageTurns}`,
    `  turns read as labelled      ${score.readAsLabelled}/${score.turns} (${pct(score.readAsLabelled, score.turns)})`,
    `  template/summary text leaked ${score.leaks.length} (target 0)`,
    `  broken sentences            ${score.broken.length} (target 0)`,
  ].join("\n");
}
