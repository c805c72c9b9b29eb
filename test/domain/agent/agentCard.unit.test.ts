import { describe, expect, it } from "vitest";
import type { CreateAgentFromCard } from "../../../src/domain/agent/cardCommands.ts";
import { EMPTY_CARD_DETAILS } from "../../../src/domain/agent/cardSchemas.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import type { AgentEvent } from "../../../src/domain/agent/events.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, archived, createAgent, created, now } from "./fixtures.ts";

const agent = spec(agentDecider);

const fromCard: CreateAgentFromCard = {
  type: "CreateAgentFromCard",
  agentId,
  name: createAgent.name,
  persona: createAgent.persona,
  identity: createAgent.identity,
  appearancePrompt: createAgent.appearancePrompt,
  greetings: ["Hi {{user}}!", " Morning. "],
  styleExamples: "<START>\n{{user}}: Hi\n{{char}}: Hey.",
  promptParts: { setting: "A café by the sea.", systemPrompt: "", postHistoryInstructions: "Be brief." },
  details: { creator: "someone", tags: ["cosy", "cosy", " "], extensions: { "example/voice": { pitch: 1 } } },
  scenarios: [
    {
      scenarioId: "s1",
      title: "Morning shift",
      description: "Behind the counter.",
      window: { kind: "weekly", days: ["mon"], start: "07:00", end: "15:00" },
    },
  ],
  lorebookIds: ["b1"],
  createdBy: "admin-1",
  now,
};

describe("CreateAgentFromCard", () => {
  it("creates the agent with source card and everything the card brings, in one decision", () => {
    const events = agent
      .given([])
      .when(fromCard)
      .then([
        { ...created, data: { ...created.data, source: "card" } },
        { type: "AgentGreetingsUpdated", data: { agentId, greetings: ["Hi {{user}}!", "Morning."] } },
        { type: "AgentStyleExamplesUpdated", data: { agentId, styleExamples: fromCard.styleExamples } },
        { type: "AgentPromptPartsUpdated", data: { agentId, promptParts: fromCard.promptParts } },
        {
          type: "AgentCardDetailsUpdated",
          data: {
            agentId,
            details: {
              ...EMPTY_CARD_DETAILS,
              creator: "someone",
              tags: ["cosy"],
              extensions: { "example/voice": { pitch: 1 } },
            },
          },
        },
        {
          type: "ScenarioAdded",
          data: {
            agentId,
            ...fromCard.scenarios[0]!,
            window: { kind: "weekly", days: ["mon"], start: "07:00", end: "15:00" },
            addedAt: now,
          },
        },
        { type: "AgentLorebookAttached", data: { agentId, lorebookId: "b1" } },
      ]);
    for (const event of events) expect(catalogue.validate(event)).toEqual(event.data);
    const state = events.reduce(agentDecider.evolve, agentDecider.initialState());
    expect(state.card.greetings).toEqual(["Hi {{user}}!", "Morning."]);
    expect(state.lorebookIds).toEqual(["b1"]);
  });

  const bareCard = {
    ...fromCard,
    greetings: [],
    styleExamples: "",
    promptParts: { setting: "", systemPrompt: "", postHistoryInstructions: "" },
    details: {},
    scenarios: [],
    lorebookIds: [],
  };

  it("writes only AgentCreated for a card with nothing more", () => {
    agent
      .given([])
      .when(bareCard)
      .thenMatches([{ type: "AgentCreated" }]);
  });

  it("attaches a book a card names twice once", () => {
    agent
      .given([])
      .when({ ...bareCard, lorebookIds: ["b1", "b1"] })
      .thenMatches([
        { type: "AgentCreated" },
        { type: "AgentLorebookAttached", data: { agentId, lorebookId: "b1" } },
      ]);
  });

  it("rejects an agent that exists", () => {
    agent.given([created]).when(fromCard).thenRejects("AgentAlreadyExists", "CONFLICT");
  });

  it("rejects the whole import when one part is invalid", () => {
    agent
      .given([])
      .when({ ...fromCard, greetings: ["x".repeat(10_001)] })
      .thenRejects("GreetingsInvalid");
    agent
      .given([])
      .when({ ...fromCard, identity: { ...fromCard.identity, timezone: "Mars/Base" } })
      .thenRejects("InvalidTimezone");
  });
});

describe("UpdateAgentGreetings", () => {
  const command = { type: "UpdateAgentGreetings", agentId, greetings: ["Hello, {{user}}."], now } as const;

  it("replaces the greetings", () => {
    agent
      .given([created])
      .when(command)
      .then([{ type: "AgentGreetingsUpdated", data: { agentId, greetings: ["Hello, {{user}}."] } }]);
  });

  it("writes nothing for the same greetings", () => {
    const set: AgentEvent = {
      type: "AgentGreetingsUpdated",
      data: { agentId, greetings: ["Hello, {{user}}."] },
    };
    agent.given([created, set]).when(command).then([]);
  });

  it("rejects an empty greeting and too many greetings", () => {
    agent
      .given([created])
      .when({ ...command, greetings: ["  "] })
      .thenRejects("GreetingsInvalid", "BAD_USER_INPUT");
    agent
      .given([created])
      .when({ ...command, greetings: Array(65).fill("hi") })
      .thenRejects("GreetingsInvalid");
  });

  it("rejects an unknown or archived agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound", "NOT_FOUND");
    agent.given([created, archived]).when(command).thenRejects("AgentIsArchived", "CONFLICT");
  });
});

describe("UpdateAgentStyleExamples", () => {
  const command = { type: "UpdateAgentStyleExamples", agentId, styleExamples: "<START>\nHi.", now } as const;

  it("replaces the examples, and writes nothing when they are the same", () => {
    const events = agent
      .given([created])
      .when(command)
      .then([{ type: "AgentStyleExamplesUpdated", data: { agentId, styleExamples: "<START>\nHi." } }]);
    agent
      .given([created, ...events])
      .when(command)
      .then([]);
  });

  it("rejects examples over the limit", () => {
    agent
      .given([created])
      .when({ ...command, styleExamples: "x".repeat(20_001) })
      .thenRejects("StyleExamplesTooLong");
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound");
  });
});

describe("UpdateAgentPromptParts", () => {
  const promptParts = { setting: "On a ship.", systemPrompt: "Narrate little.", postHistoryInstructions: "" };
  const command = { type: "UpdateAgentPromptParts", agentId, promptParts, now } as const;

  it("replaces the prompt parts, trimmed", () => {
    agent
      .given([created])
      .when({ ...command, promptParts: { ...promptParts, setting: " On a ship. " } })
      .then([{ type: "AgentPromptPartsUpdated", data: { agentId, promptParts } }]);
  });

  it("rejects a part over its limit", () => {
    agent
      .given([created])
      .when({ ...command, promptParts: { ...promptParts, systemPrompt: "s".repeat(10_001) } })
      .thenRejects("PromptPartsInvalid");
  });

  it("rejects an archived agent", () => {
    agent.given([created, archived]).when(command).thenRejects("AgentIsArchived");
  });
});

describe("UpdateAgentCardDetails", () => {
  const command = {
    type: "UpdateAgentCardDetails",
    agentId,
    details: { nickname: "Noa", creatorNotesMultilingual: { en: "Hi" }, creationDate: 1717200000 },
    now,
  } as const;

  it("replaces the details", () => {
    agent
      .given([created])
      .when(command)
      .then([
        {
          type: "AgentCardDetailsUpdated",
          data: {
            agentId,
            details: {
              ...EMPTY_CARD_DETAILS,
              nickname: "Noa",
              creatorNotesMultilingual: { en: "Hi" },
              creationDate: 1717200000,
            },
          },
        },
      ]);
  });

  it("rejects a bad language code, a bad date, too many tags and oversized extensions", () => {
    const reject = (details: object) =>
      agent
        .given([created])
        .when({ ...command, details })
        .thenRejects("CardDetailsInvalid", "BAD_USER_INPUT");
    reject({ creatorNotesMultilingual: { English: "Hi" } });
    reject({ creationDate: -1 });
    reject({ tags: Array.from({ length: 65 }, (_, i) => `t${i}`) });
    reject({ extensions: { big: "x".repeat(260_000) } });
    reject({ nickname: "n".repeat(61) });
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound");
  });
});

describe("AttachLorebook and DetachLorebook", () => {
  const attach = { type: "AttachLorebook", agentId, lorebookId: "b1", now } as const;
  const detach = { type: "DetachLorebook", agentId, lorebookId: "b1", now } as const;
  const attached: AgentEvent = { type: "AgentLorebookAttached", data: { agentId, lorebookId: "b1" } };

  it("attaches a book, then detaches it", () => {
    agent.given([created]).when(attach).then([attached]);
    agent
      .given([created, attached])
      .when(detach)
      .then([{ type: "AgentLorebookDetached", data: { agentId, lorebookId: "b1" } }]);
  });

  it("attaches a book once: asked again, as a retry after a lost answer, it changes nothing", () => {
    agent.given([created, attached]).when(attach).then([]);
  });

  it("rejects more than twenty books", () => {
    const many = Array.from(
      { length: 20 },
      (_, i): AgentEvent => ({
        type: "AgentLorebookAttached",
        data: { agentId, lorebookId: `book-${i}` },
      }),
    );
    agent
      .given([created, ...many])
      .when(attach)
      .thenRejects("TooManyLorebooks", "CONFLICT");
  });

  it("detaches a book once: asked again, or for a book it does not read, it changes nothing", () => {
    agent.given([created]).when(detach).then([]);
    agent
      .given([created, attached, { type: "AgentLorebookDetached", data: { agentId, lorebookId: "b1" } }])
      .when(detach)
      .then([]);
  });

  it("rejects an unknown or archived agent", () => {
    agent.given([]).when(attach).thenRejects("AgentNotFound");
    agent.given([created, archived]).when(detach).thenRejects("AgentIsArchived");
  });
});
