import type { CreateAgentFromCard } from "../../../src/domain/agent/cardCommands.ts";
import { type AgentState, agentDecider } from "../../../src/domain/agent/decider.ts";
import { lorebookDecider } from "../../../src/domain/lorebook/decider.ts";
import type { LorebookState } from "../../../src/domain/lorebook/state.ts";
import { lorebookStreamId } from "../../../src/domain/streamIds.ts";
import { WORDS } from "./random.ts";
import type { Entity, Simulation } from "./simulation.ts";

/** Character cards and lorebooks in the workload: one agent comes from a card, and operators edit cards and books. */

export function createLorebook(sim: Simulation, name: string): Entity<LorebookState> {
  const r = sim.rng;
  const id = r.uuid();
  const book: Entity<LorebookState> = {
    id,
    streamId: lorebookStreamId(id),
    state: lorebookDecider.initialState(),
  };
  sim.lorebooks.push(book);
  const entries = [0, 1, 2].map((i) => ({ entryId: String(i), keys: [r.pick(WORDS)], content: r.text(12) }));
  sim.run(lorebookDecider, book, {
    type: "CreateLorebook",
    lorebookId: id,
    name,
    entries,
    source: "characterBook",
    createdBy: "admin-1",
    now: sim.iso(),
  });
  return book;
}

export function cardCommand(
  sim: Simulation,
  base: Omit<
    CreateAgentFromCard,
    "type" | "greetings" | "styleExamples" | "promptParts" | "details" | "scenarios" | "lorebookIds"
  >,
  lorebookId: string,
): CreateAgentFromCard {
  const r = sim.rng;
  return {
    ...base,
    type: "CreateAgentFromCard",
    greetings: [`Hello {{user}}, ${r.text(6)}`, r.text(8)],
    styleExamples: `<START>\n{{user}}: ${r.text(4)}\n{{char}}: ${r.text(6)}`,
    promptParts: { setting: r.text(10), systemPrompt: "", postHistoryInstructions: "Stay in character." },
    details: { creator: "workload", tags: [r.pick(WORDS)], extensions: { "example/tool": { n: r.int(10) } } },
    scenarios: [],
    lorebookIds: [lorebookId],
  };
}

/** One operator edit of a card or a book, in turn through every kind, so each event type shows up. */
export function cardLife(sim: Simulation, agent: Entity<AgentState>): void {
  const r = sim.rng;
  const base = { agentId: agent.id, now: sim.iso() };
  const book = sim.lorebooks[0]!;
  const edit = { lorebookId: book.id, now: sim.iso() };
  const entryIds = book.state.entries.map((e) => e.entryId);
  switch (sim.cardEdits++ % 11) {
    case 0:
      sim.run(agentDecider, agent, { type: "UpdateAgentGreetings", ...base, greetings: [r.text(8)] });
      return;
    case 1:
      sim.run(agentDecider, agent, {
        type: "UpdateAgentStyleExamples",
        ...base,
        styleExamples: `<START>\n${r.text(8)}`,
      });
      return;
    case 2: {
      const promptParts = { setting: r.text(8), systemPrompt: r.text(5), postHistoryInstructions: "" };
      sim.run(agentDecider, agent, { type: "UpdateAgentPromptParts", ...base, promptParts });
      return;
    }
    case 3:
      sim.run(agentDecider, agent, {
        type: "UpdateAgentCardDetails",
        ...base,
        details: { creatorNotes: r.text(10) },
      });
      return;
    case 4:
      sim.run(agentDecider, agent, { type: "AttachLorebook", ...base, lorebookId: book.id });
      return;
    case 5:
      sim.run(agentDecider, agent, { type: "DetachLorebook", ...base, lorebookId: book.id });
      return;
    case 6:
      sim.run(lorebookDecider, book, {
        type: "AddLorebookEntry",
        ...edit,
        entry: { entryId: r.uuid(), keys: [r.pick(WORDS)], content: r.text(10) },
      });
      return;
    case 7:
      if (entryIds.length === 0) return;
      sim.run(lorebookDecider, book, {
        type: "UpdateLorebookEntry",
        ...edit,
        entry: {
          entryId: r.pick(entryIds),
          keys: [r.pick(WORDS)],
          content: r.text(10),
          constant: r.chance(0.2),
        },
      });
      return;
    case 8:
      if (entryIds.length <= 1) return;
      sim.run(lorebookDecider, book, {
        type: "RemoveLorebookEntry",
        ...edit,
        entryId: r.pick(entryIds),
      });
      return;
    case 9:
      sim.run(lorebookDecider, book, {
        type: "UpdateLorebookDetails",
        ...edit,
        name: `${r.pick(WORDS)} lore`,
        description: r.text(6),
        settings: {
          scanDepth: 1 + r.int(5),
          tokenBudget: 200 + r.int(800),
          recursiveScanning: r.chance(0.5),
        },
      });
      return;
    default: {
      const scratch =
        sim.lorebooks.find((b) => b !== book && b.state.status === "active") ??
        createLorebook(sim, "Scratch");
      sim.run(lorebookDecider, scratch, {
        type: "DeleteLorebook",
        lorebookId: scratch.id,
        deletedBy: "admin-1",
        now: sim.iso(),
      });
      return;
    }
  }
}
