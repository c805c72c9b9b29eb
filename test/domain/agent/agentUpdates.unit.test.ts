import { describe, it } from "vitest";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, archived, createAgent, created, now } from "./fixtures.ts";

const agent = spec(agentDecider);

describe("RenameAgent", () => {
  const command = { type: "RenameAgent", agentId, name: "Noa Silva", now } as const;

  it("renames the agent", () => {
    agent
      .given([created])
      .when(command)
      .then([{ type: "AgentRenamed", data: { agentId, name: "Noa Silva", previousName: "Noa" } }]);
  });

  it("writes nothing for the same name", () => {
    agent
      .given([created])
      .when({ ...command, name: " Noa " })
      .then([]);
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound", "NOT_FOUND");
  });

  it("rejects changes to an archived agent", () => {
    agent.given([created, archived]).when(command).thenRejects("AgentIsArchived", "CONFLICT");
  });

  it("rejects an empty name", () => {
    agent
      .given([created])
      .when({ ...command, name: "" })
      .thenRejects("AgentNameRequired");
  });

  it("rejects a name over 60 characters", () => {
    agent
      .given([created])
      .when({ ...command, name: "n".repeat(61) })
      .thenRejects("AgentNameTooLong");
  });
});

describe("UpdateAgentPersona", () => {
  const persona = { ...createAgent.persona, traits: ["warm", "shy"] };
  const command = { type: "UpdateAgentPersona", agentId, persona, now } as const;

  it("replaces the persona", () => {
    agent
      .given([created])
      .when(command)
      .then([
        {
          type: "AgentPersonaUpdated",
          data: { agentId, persona: { ...created.data.persona, traits: ["warm", "shy"] } },
        },
      ]);
  });

  it("writes nothing for the same persona", () => {
    agent
      .given([created])
      .when({ ...command, persona: createAgent.persona })
      .then([]);
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound", "NOT_FOUND");
  });

  it("rejects changes to an archived agent", () => {
    agent.given([created, archived]).when(command).thenRejects("AgentIsArchived", "CONFLICT");
  });

  it("rejects an invalid persona", () => {
    agent
      .given([created])
      .when({ ...command, persona: { ...persona, summary: "" } })
      .thenRejects("PersonaInvalid");
  });
});

describe("UpdateAgentIdentity", () => {
  const identity = { ...createAgent.identity, occupation: "Florist" };
  const command = { type: "UpdateAgentIdentity", agentId, identity, now } as const;

  it("replaces the identity", () => {
    agent
      .given([created])
      .when(command)
      .then([
        {
          type: "AgentIdentityUpdated",
          data: { agentId, identity: { ...created.data.identity, occupation: "Florist" } },
        },
      ]);
  });

  it("writes nothing for the same identity", () => {
    agent
      .given([created])
      .when({ ...command, identity: createAgent.identity })
      .then([]);
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound", "NOT_FOUND");
  });

  it("rejects changes to an archived agent", () => {
    agent.given([created, archived]).when(command).thenRejects("AgentIsArchived", "CONFLICT");
  });

  it("rejects an unknown time zone", () => {
    agent
      .given([created])
      .when({ ...command, identity: { ...identity, timezone: "Lisbon" } })
      .thenRejects("InvalidTimezone");
  });

  it("rejects an invalid identity", () => {
    agent
      .given([created])
      .when({ ...command, identity: { ...identity, homeCity: "" } })
      .thenRejects("IdentityInvalid");
  });
});

describe("UpdateAgentAppearance", () => {
  const command = {
    type: "UpdateAgentAppearance",
    agentId,
    appearancePrompt: "Long red hair.",
    now,
  } as const;

  it("replaces the appearance prompt", () => {
    agent
      .given([created])
      .when(command)
      .then([{ type: "AgentAppearanceUpdated", data: { agentId, appearancePrompt: "Long red hair." } }]);
  });

  it("writes nothing for the same prompt", () => {
    agent
      .given([created])
      .when({ ...command, appearancePrompt: createAgent.appearancePrompt })
      .then([]);
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound", "NOT_FOUND");
  });

  it("rejects changes to an archived agent", () => {
    agent.given([created, archived]).when(command).thenRejects("AgentIsArchived", "CONFLICT");
  });

  it("rejects a prompt over 1000 characters", () => {
    agent
      .given([created])
      .when({ ...command, appearancePrompt: "p".repeat(1001) })
      .thenRejects("AppearancePromptInvalid");
  });
});
