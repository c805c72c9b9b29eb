import { mentionsAgent, statementClauses } from "./factClauses.ts";
import type { ExtractedFact } from "./factKinds.ts";
import { classifyClause, introducedName, ownedAppointment } from "./factRules.ts";
import { type PreviousTurn, resolveFollowUp } from "./followUpStatement.ts";
import { selfStatementsInEnglish } from "./otherLanguageStatements.ts";
import { namedPet, petFactText } from "./petFact.ts";
import { isTautology, thirdPerson } from "./thirdPerson.ts";

export interface FactExtractionOptions {
  /** How facts name the person ("Sam grew up in Galway"); "The person" when empty. */
  personName: string;
  /** The agent's name, so that what is said to or about the agent is left out. */
  agentName?: string;
  /**
   * The turn before the message, so that a follow-up ("It's chemistry", after "I have an exam
   * tomorrow" and a question about it) is read as what it means ("My exam is about chemistry").
   */
  previous?: PreviousTurn;
}

const MAX_CLAUSE_CHARS = 300;

/**
 * The lasting facts a person states about themselves in one message: people and pets in their
 * life, places, work, dates, likes, health, plans. Questions, compliments, things said about the
 * agent, passing states and tautologies ("I'm Sam" from Sam) give nothing. Deterministic and
 * offline; a language model may do better, but this is what runs when there is none.
 */
export function extractFacts(said: string, about: FactExtractionOptions | string): ExtractedFact[] {
  // "I got a puppy!! His name is Waffles": the name is told of the pet in the sentence before.
  const text = selfStatementsInEnglish(said).replace(
    /\s*[.!…]+\s+(?=(?:his|her|its|their) names? (?:is|are)\b)/giu,
    ", ",
  );
  const options = typeof about === "string" ? { personName: about } : about;
  let personName = options.personName.trim() || "The person";
  const facts: ExtractedFact[] = [];
  const seen = new Set<string>();
  const followUp = options.previous ? resolveFollowUp(text, options.previous) : null;
  if (followUp) return followUpFacts(followUp, text, personName, options.previous!);
  for (const { text: clause, sentence } of statementClauses(text, options.agentName)) {
    if (clause.length > MAX_CLAUSE_CHARS) continue;
    // "You can call me Zofia" speaks to the agent but tells the person's name (unless it is the agent's).
    if (mentionsAgent(clause.replace(/^[Yy]ou can call me\b/, "call me"), options.agentName)) continue;
    const kind = classifyClause(clause);
    if (!kind) continue;
    const pet = kind === "pet" ? namedPet(clause) : null;
    const petText = pet ? petFactText(pet, clause, personName) : null;
    if (petText) {
      if (seen.has(petText.toLowerCase())) continue;
      seen.add(petText.toLowerCase());
      facts.push({
        text: petText,
        kind,
        quote: clause,
        sourceText: sentence,
        wording: "rewritten",
        pet: pet!,
      });
      continue;
    }
    const name = kind === "other" ? introducedName(clause) : null;
    if (name !== null && sameName(name, personName)) continue;
    // "I'm Nora" from Alice's account: the name she wants to be called, not "Alice is Nora".
    const written =
      name !== null
        ? { text: `${capitalised(personName)} likes to be called ${name}`, wording: "rewritten" as const }
        : thirdPerson(kind === "plan" ? ownedAppointment(clause) : clause, personName, sentence);
    if (isTautology(written.wording === "quoted" ? clause : written.text, personName)) continue;
    const key = written.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    facts.push({
      text: written.text,
      kind,
      quote: clause,
      sourceText: sentence,
      wording: written.wording,
      ...(pet ? { pet } : {}),
    });
    // "I'm Robin and I live in Oslo": what follows the introduction is about Robin.
    if (name !== null) personName = name;
  }
  return facts;
}

/** The fact a follow-up states, of the kind the statement it follows was (or "other"). */
function followUpFacts(
  resolved: string,
  text: string,
  personName: string,
  previous: PreviousTurn,
): ExtractedFact[] {
  const kind =
    classifyClause(resolved) ?? (previous.person ? classifyClause(previous.person) : null) ?? "other";
  const written = thirdPerson(resolved, personName);
  return [
    { text: written.text, kind, quote: text.trim(), sourceText: text.trim(), wording: written.wording },
  ];
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: "base" }) === 0;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
