import { beforeAll, expect, it } from "vitest";
import type { Dialogue } from "./dialogueTypes.ts";
import { playDialogue } from "./playDialogue.ts";
import { formatScore, type QualityScore, scoreDialogues } from "./replyScore.ts";

/** Playing a set takes a few seconds alone; on a loaded two-core machine, several times that. */
export const PLAY_TIMEOUT_MS = 60_000;

/**
 * Plays a set once for its describe block and prints its score (QUALITY_MISSES=1 prints the
 * misses, QUALITY_REPLIES=1 every turn with its reply); the block's tests read the score.
 */
export function playedSet(label: string, set: readonly Dialogue[], seed: number): () => QualityScore {
  let score: QualityScore;
  beforeAll(async () => {
    const played = await Promise.all(set.map((dialogue, i) => playDialogue(dialogue, seed + i)));
    score = scoreDialogues([...set], played);
    console.log(`${label}: ${formatScore(score)}`);
    if (process.env.QUALITY_MISSES)
      console.log([...score.misses, ...score.broken, ...score.leaks].join("\n"));
    if (process.env.QUALITY_REPLIES)
      console.log(
        played
          .flat()
          .map(({ turn, reply }) => `${turn.say} → ${reply}`)
          .join("\n"),
      );
  }, PLAY_TIMEOUT_MS);
  return () => score;
}

/** What a set reached stays reached: its floors of recalled facts and answers of the turn's kind. */
export function keepsWhatItReached(
  score: () => QualityScore,
  floors: { facts: number; answered: number; inLanguage?: number },
): void {
  it("keeps what it reached: fact recall, answers to the turn's kind, no leaks, no broken sentences", () => {
    const { factsRecalled, answeredKind, inLanguage, misses, leaks, broken } = score();
    expect(factsRecalled, misses.join("\n")).toBeGreaterThanOrEqual(floors.facts);
    expect(answeredKind, misses.join("\n")).toBeGreaterThanOrEqual(floors.answered);
    expect(inLanguage, misses.join("\n")).toBeGreaterThanOrEqual(floors.inLanguage ?? 0);
    expect(leaks).toEqual([]);
    expect(broken).toEqual([]);
  });
}

/** A held set's size: enough turns, one agent per conversation. */
export function isHeldSetOf(
  set: readonly Dialogue[],
  score: () => QualityScore,
  least: { conversations: number; turns: number },
) {
  expect(set.length).toBeGreaterThanOrEqual(least.conversations);
  expect(new Set(set.map((d) => d.agent.name)).size).toBe(set.length);
  expect(score().turns).toBeGreaterThanOrEqual(least.turns);
}

/** None of a held set's agents was met in the sets written before it. */
export function meetsNoEarlierAgent(set: readonly Dialogue[], earlierSets: readonly (readonly Dialogue[])[]) {
  const earlier = earlierSets.flat().map((d) => d.agent.name);
  expect(set.map((d) => d.agent.name).filter((name) => earlier.includes(name))).toEqual([]);
}
