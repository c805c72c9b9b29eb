import { LIMITS } from "../../domain/agent/schemas.ts";

/** An agent as the import compares it with the card: is it one made from the same card? */
export interface CardAgentListing {
  id: string;
  name: string;
  source: string;
  status: string;
  greetings: readonly string[];
}

/**
 * The name for an agent imported from a card that made other agents already (same name, or that
 * name with a number, and the same greetings): the card's name with the next free number, "Aiko
 * Tanaka (2)", so the lists tell them apart; and a warning naming the agents it was made beside.
 */
export function nameBesideSameCard(
  card: { name: string; greetings: readonly string[] },
  agents: readonly CardAgentListing[],
): { name: string; warnings: string[] } {
  const twins = agents.filter(
    (agent) =>
      agent.source === "card" &&
      agent.status === "active" &&
      baseNameOf(agent.name) === card.name &&
      sameGreetings(agent.greetings, card.greetings),
  );
  if (twins.length === 0) return { name: card.name, warnings: [] };
  const taken = new Set(agents.map((agent) => agent.name));
  let number = 2;
  while (taken.has(numbered(card.name, number))) number += 1;
  const name = numbered(card.name, number);
  const listed = twins.map((agent) => `"${agent.name}"`).join(", ");
  return {
    name,
    warnings: [
      `${twins.length === 1 ? "An agent" : "Agents"} from this card exist${twins.length === 1 ? "s" : ""} already (${listed}); this one is named "${name}" to tell them apart.`,
    ],
  };
}

function numbered(name: string, number: number): string {
  const suffix = ` (${number})`;
  const room = LIMITS.name - Array.from(suffix).length;
  return `${Array.from(name).slice(0, room).join("").trim()}${suffix}`;
}

/** "Aiko Tanaka (2)" → "Aiko Tanaka". */
function baseNameOf(name: string): string {
  return name.replace(/ \(\d+\)$/, "");
}

function sameGreetings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((greeting, index) => greeting === b[index]);
}
