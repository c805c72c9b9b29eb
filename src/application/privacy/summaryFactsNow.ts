import { factIdFor } from "../engine/memoryFactRecorder.ts";
import { plainWording } from "../memory/plainWording.ts";

/** A fact as the export lists it: its wording now, every wording it had, and whether it is forgotten. */
export interface FactWordings {
  id: string;
  text: string;
  earlierTexts: readonly string[];
  forgotten: boolean;
}

/** A summary as the log holds it: the event that wrote it and the facts it listed then. */
export interface WrittenSummary {
  eventId: string;
  summaryId: string;
  summary: string;
  facts: readonly string[];
}

/**
 * The facts each summary listed, as they are remembered now: a fact the person had the agent forget
 * is left out, a corrected one reads as corrected. A summary's fact is the fact recorded from it
 * (its id derives from the summary's event) or the one remembered already in the same words.
 */
export function summaryFactsNow(
  summaries: readonly WrittenSummary[],
  facts: readonly FactWordings[],
): { summary: string; facts: string[] }[] {
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const byWording = new Map<string, FactWordings>();
  for (const fact of facts)
    for (const text of [...fact.earlierTexts, fact.text]) byWording.set(plainWording(text), fact);
  return summaries.map(({ eventId, summary, facts: listed }) => {
    const now = listed.flatMap((text, i) => {
      const fact = byId.get(factIdFor(eventId, i)) ?? byWording.get(plainWording(text));
      if (!fact) return [text];
      return fact.forgotten ? [] : [fact.text];
    });
    return { summary, facts: [...new Set(now)] };
  });
}

/**
 * A summary withdrawn because a fact told in its messages was forgotten or corrected: no longer
 * recalled or listed, but the log still holds it as written.
 */
export interface WithdrawnSummary {
  summary: string;
  facts: readonly string[];
  withdrawnAt: string;
}

/** The summaries still remembered, and those withdrawn (with when), each in the order written. */
export function splitWithdrawn(
  summaries: readonly WrittenSummary[],
  withdrawnAt: ReadonlyMap<string, string>,
): { kept: WrittenSummary[]; withdrawn: WithdrawnSummary[] } {
  const kept = summaries.filter((s) => !withdrawnAt.has(s.summaryId));
  const withdrawn = summaries.flatMap(({ summaryId, summary, facts }) => {
    const at = withdrawnAt.get(summaryId);
    return at ? [{ summary, facts, withdrawnAt: at }] : [];
  });
  return { kept, withdrawn };
}
