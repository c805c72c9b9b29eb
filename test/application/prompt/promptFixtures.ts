import type { ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import type { Scenario } from "../../../src/domain/agent/scenarios.ts";

/** A scenario that runs once, between two instants. */
export function onceScenario(title: string, description: string, startsAt: string, endsAt: string): Scenario {
  return {
    scenarioId: title,
    title,
    description,
    window: { kind: "once", startsAt, endsAt },
    status: "active",
  };
}

/** Mia, an illustrator in Lisbon, talking with Sam on a Friday evening in May. */
export function miaInput(overrides: Partial<ReplyPromptInput> = {}): ReplyPromptInput {
  return {
    persona: {
      name: "Mia Rossi",
      summary: "A warm illustrator who notices small things.",
      traits: ["warm", "witty", "a little stubborn"],
      speakingStyle: "casual and playful",
      backstory: "Grew up in Porto, moved to Lisbon for art school.",
      interests: ["pottery", "film photography", "bouldering"],
      selfDescribesAsAI: false,
    },
    identity: {
      homeCity: "Lisbon",
      country: "Portugal",
      occupation: "illustrator",
      timezone: "Europe/Lisbon",
    },
    now: new Date("2025-05-02T18:30:00Z"),
    mood: { name: "playful", intensity: 0.6 },
    affinity: 45,
    scenarios: [],
    lifeEvents: [{ at: "2025-05-02T10:00:00Z", summary: "Went to a pottery class and made a lopsided mug" }],
    memories: [
      { id: "mem-sister", text: "Sam's sister is called Ana.", score: 0.8 },
      { id: "mem-hiking", text: "Sam loves hiking in the mountains.", score: 0.6 },
    ],
    recentMessages: [],
    personName: "Sam",
    personMessage: "hey! how are you?",
    ...overrides,
  };
}
