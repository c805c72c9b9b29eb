import { beforeAll, describe, expect, it } from "vitest";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";
import { heldConversationsA } from "./dialogues/heldConversationsA.ts";
import { heldConversationsB } from "./dialogues/heldConversationsB.ts";
import { heldConversationsC } from "./dialogues/heldConversationsC.ts";
import { heldConversationsD } from "./dialogues/heldConversationsD.ts";
import { heldConversationsE } from "./dialogues/heldConversationsE.ts";
import { heldConversationsF } from "./dialogues/heldConversationsF.ts";
import { heldConversationsG } from "./dialogues/heldConversationsG.ts";
import { heldConversationsH } from "./dialogues/heldConversationsH.ts";
import { heldConversationsI } from "./dialogues/heldConversationsI.ts";
import { heldConversationsJ } from "./dialogues/heldConversationsJ.ts";
import { heldConversationsK } from "./dialogues/heldConversationsK.ts";
import {
  isHeldSetOf,
  keepsWhatItReached,
  meetsNoEarlierAgent,
  PLAY_TIMEOUT_MS,
  playedSet,
} from "./dialogues/heldSetChecks.ts";
import { holdoutConversations } from "./dialogues/holdoutConversations.ts";
import { longConversation } from "./dialogues/longConversation.ts";
import { type PlayedTurn, playDialogue } from "./dialogues/playDialogue.ts";
import { formatScore, type QualityScore, scoreDialogues } from "./dialogues/replyScore.ts";
import { shortConversationsA } from "./dialogues/shortConversationsA.ts";
import { shortConversationsB } from "./dialogues/shortConversationsB.ts";
import { shortConversationsC } from "./dialogues/shortConversationsC.ts";

const dialogues: Dialogue[] = [
  longConversation,
  ...shortConversationsA,
  ...shortConversationsB,
  ...shortConversationsC,
];

/** Every dialogue set in the order written: a held set meets none of the agents of those before it. */
const SETS_IN_ORDER = [
  dialogues,
  holdoutConversations,
  heldConversationsA,
  heldConversationsB,
  heldConversationsC,
  heldConversationsD,
  heldConversationsE,
  heldConversationsF,
  heldConversationsG,
  heldConversationsH,
  heldConversationsI,
  heldConversationsJ,
  heldConversationsK,
];
const setsBefore = (set: (typeof SETS_IN_ORDER)[number]) =>
  SETS_IN_ORDER.slice(0, SETS_IN_ORDER.indexOf(set));

describe("offline persona engine: the labelled dialogue set", () => {
  let played: PlayedTurn[][];
  let score: QualityScore;

  beforeAll(async () => {
    played = await Promise.all(dialogues.map((dialogue, i) => playDialogue(dialogue, i)));
    score = scoreDialogues(dialogues, played);
    console.log(formatScore(score));
    if (process.env.QUALITY_MISSES)
      console.log([...score.misses, ...score.broken, ...score.leaks].join("\n"));
  }, PLAY_TIMEOUT_MS);

  it("is at least 150 person turns over 10 conversations", () => {
    expect(dialogues).toHaveLength(10);
    expect(score.turns).toBeGreaterThanOrEqual(150);
  });

  it("names the fact in ≥ 80% of replies to questions about planted facts", () => {
    expect(score.factsRecalled / score.factQuestions, score.misses.join("\n")).toBeGreaterThanOrEqual(0.8);
  });

  it("answers the turn's kind in ≥ 90% of replies", () => {
    expect(score.answeredKind / score.turns, score.misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("leaks no template or summary text and writes no broken sentences", () => {
    expect(score.leaks).toEqual([]);
    expect(score.broken).toEqual([]);
  });

  it("recalls ≥ 8 of 10 facts planted 40 turns before paraphrased questions", () => {
    const long = played[0]!;
    const questions = long.filter(({ turn }) => turn.recalls);
    expect(questions).toHaveLength(10);
    const firstQuestion = long.findIndex(({ turn }) => turn.recalls);
    expect(firstQuestion - 10).toBeGreaterThanOrEqual(40);
    const named = questions.filter(({ turn, reply }) =>
      turn.recalls!.some((word) => reply.toLowerCase().includes(word.toLowerCase())),
    );
    expect(named.length, questions.map(({ reply }) => reply).join("\n")).toBeGreaterThanOrEqual(8);
  });
});

describe("offline persona engine: the holdout set, written apart from the rules", () => {
  const score = playedSet("holdout", holdoutConversations, 900);
  it("is at least 100 person turns over 10 conversations with different agents", () => {
    expect(holdoutConversations).toHaveLength(10);
    isHeldSetOf(holdoutConversations, score, { conversations: 10, turns: 100 });
  });
  keepsWhatItReached(score, { facts: 17, answered: 97 });
});

describe("offline persona engine: conversations first held through the API, with new agents", () => {
  const held = [...heldConversationsA, ...heldConversationsB];
  const score = playedSet("held", held, 950);
  it("is at least 100 person turns over 8 conversations with different agents", () => {
    expect(held).toHaveLength(8);
    isHeldSetOf(held, score, { conversations: 8, turns: 100 });
  });
  keepsWhatItReached(score, { facts: 14, answered: 98 });
});

describe("offline persona engine: a third held-out set, written before its rules", () => {
  const score = playedSet("held C", heldConversationsC, 980);
  it("is at least 60 person turns over 8 conversations with different agents, one not in English", () => {
    isHeldSetOf(heldConversationsC, score, { conversations: 8, turns: 60 });
  });
  // On the rules before it was written: 64 of 76 answered their kind, 2 broken sentences.
  keepsWhatItReached(score, { facts: 4, answered: 74, inLanguage: 8 });
});

describe("offline persona engine: a fourth held-out set, follow-ups that lean on the turn before", () => {
  const score = playedSet("held D", heldConversationsD, 1020);
  it("is at least 70 person turns over 8 conversations with different agents, one not in English", () => {
    isHeldSetOf(heldConversationsD, score, { conversations: 8, turns: 70 });
  });
  // On the rules before it was written: 71 of 82 answered their kind, 7 of 8 facts, 1 leak, 2 broken sentences.
  keepsWhatItReached(score, { facts: 8, answered: 77, inLanguage: 9 });
});

describe("offline persona engine: a fifth held-out set, the companion as a companion", () => {
  const score = playedSet("held E", heldConversationsE, 1060);
  it("is at least 70 person turns over 8 conversations with agents not met before", () => {
    isHeldSetOf(heldConversationsE, score, { conversations: 8, turns: 70 });
    meetsNoEarlierAgent(heldConversationsE, setsBefore(heldConversationsE));
  });
  // On the rules before it was written: 44 of 77 answered their kind, 7 of 7 facts, 0 leaks, 38 broken sentences.
  keepsWhatItReached(score, { facts: 7, answered: 76 });
});

describe("offline persona engine: a sixth held-out set, everyday questions of a daily companion", () => {
  const score = playedSet("held F", heldConversationsF, 1100);
  it("is at least 80 person turns over 9 conversations with agents not met before, one not in English", () => {
    isHeldSetOf(heldConversationsF, score, { conversations: 9, turns: 80 });
    meetsNoEarlierAgent(heldConversationsF, setsBefore(heldConversationsF));
  });
  // On the rules before it was written: 59 of 80 answered their kind, 8 of 9 facts, 0 leaks, 3 broken sentences.
  keepsWhatItReached(score, { facts: 9, answered: 76, inLanguage: 9 });
});

describe("offline persona engine: a seventh held-out set, conversations wholly in another language", () => {
  const score = playedSet("held G", heldConversationsG, 1140);
  it("is at least 40 person turns over 5 conversations with agents not met before, none in English", () => {
    isHeldSetOf(heldConversationsG, score, { conversations: 5, turns: 40 });
    meetsNoEarlierAgent(heldConversationsG, setsBefore(heldConversationsG));
    expect(heldConversationsG.every((d) => d.language)).toBe(true);
  });
  // On the rules before it was written: 27 of 40 answered their kind, 4 of 5 facts, 1 of 40 in the person's language.
  keepsWhatItReached(score, { facts: 5, answered: 40, inLanguage: 40 });
});

describe("offline persona engine: an eighth held-out set, Italian and the less everyday topics in other languages", () => {
  const score = playedSet("held H", heldConversationsH, 1180);
  it("is at least 30 person turns over 6 conversations with agents not met before, one in Italian", () => {
    isHeldSetOf(heldConversationsH, score, { conversations: 6, turns: 30 });
    meetsNoEarlierAgent(heldConversationsH, setsBefore(heldConversationsH));
    expect(heldConversationsH.some((d) => d.language === "it")).toBe(true);
  });
  // On the rules before it was written: 12 of 37 answered their kind, 1 of 1 fact, 16 of 32 in the person's language.
  keepsWhatItReached(score, { facts: 1, answered: 37, inLanguage: 32 });
});

describe("offline persona engine: a ninth held-out set, a first-time user's turns and events still to come", () => {
  const score = playedSet("held I", heldConversationsI, 1220);
  it("is at least 50 person turns over 6 conversations with agents not met before, three not in English", () => {
    isHeldSetOf(heldConversationsI, score, { conversations: 6, turns: 50 });
    meetsNoEarlierAgent(heldConversationsI, setsBefore(heldConversationsI));
    expect(heldConversationsI.filter((d) => d.language)).toHaveLength(3);
  });
  // On the rules before it was written: 24 of 60 answered their kind, 0 of 1 fact, 25 of 27 in the person's language, 1 broken sentence.
  // With the turns of next to nothing and the greeting after an interview: 72 of 72, 30 of 30.
  keepsWhatItReached(score, { facts: 1, answered: 72, inLanguage: 30 });
});

describe("offline persona engine: a tenth held-out set, a person's own days and pastimes, shared words, local days", () => {
  const score = playedSet("held J", heldConversationsJ, 1260);
  it("is at least 20 person turns over 3 conversations with agents not met before, one in Portuguese", () => {
    isHeldSetOf(heldConversationsJ, score, { conversations: 3, turns: 20 });
    meetsNoEarlierAgent(heldConversationsJ, setsBefore(heldConversationsJ));
    expect(heldConversationsJ.filter((d) => d.language === "pt")).toHaveLength(1);
  });
  // On the rules before it was written: 12 of 25 answered their kind, 4 of 8 in the person's language.
  keepsWhatItReached(score, { facts: 0, answered: 25, inLanguage: 7 });
});

describe("offline persona engine: an eleventh held-out set, a person testing whether the agent reads the moment", () => {
  const score = playedSet("held K", heldConversationsK, 1300);
  it("is at least 20 person turns over 3 conversations with agents not met before, two not in English", () => {
    isHeldSetOf(heldConversationsK, score, { conversations: 3, turns: 20 });
    meetsNoEarlierAgent(heldConversationsK, setsBefore(heldConversationsK));
    expect(heldConversationsK.filter((d) => d.language)).toHaveLength(2);
  });
  keepsWhatItReached(score, { facts: 0, answered: 22, inLanguage: 13 });
});
