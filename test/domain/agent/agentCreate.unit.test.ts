import { describe, expect, it } from "vitest";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { spec } from "../../support/deciderSpec.ts";
import { createAgent, created } from "./fixtures.ts";

const agent = spec(agentDecider);

describe("CreateAgent", () => {
  it("creates an agent with the default mood baseline and a hemisphere from the latitude", () => {
    agent.given([]).when(createAgent).then([created]);
  });

  it("takes the southern hemisphere from a negative latitude", () => {
    agent
      .given([])
      .when({
        ...createAgent,
        identity: {
          ...createAgent.identity,
          homeCity: "Sydney",
          timezone: "Australia/Sydney",
          latitude: -33.9,
        },
      })
      .thenMatches([
        { data: expect.objectContaining({ identity: expect.objectContaining({ hemisphere: "south" }) }) },
      ]);
  });

  it("keeps a given mood baseline and the AI self-description", () => {
    agent
      .given([])
      .when({
        ...createAgent,
        moodBaseline: { mood: "playful", intensity: 0.8 },
        persona: { ...createAgent.persona, selfDescribesAsAI: true },
      })
      .thenMatches([
        {
          data: expect.objectContaining({
            moodBaseline: { mood: "playful", intensity: 0.8 },
            persona: expect.objectContaining({ selfDescribesAsAI: true }),
          }),
        },
      ]);
  });

  it("rejects an id already in use", () => {
    agent.given([created]).when(createAgent).thenRejects("AgentAlreadyExists", "CONFLICT");
  });

  it("rejects an empty name", () => {
    agent
      .given([])
      .when({ ...createAgent, name: "  " })
      .thenRejects("AgentNameRequired", "BAD_USER_INPUT");
  });

  it.each(["\u200B", "\u3164", "\u202E\u2069"])("rejects a name that shows nothing: %j", (name) => {
    agent
      .given([])
      .when({ ...createAgent, name })
      .thenRejects("AgentNameRequired", "BAD_USER_INPUT");
  });

  it("rejects a name over 60 characters", () => {
    agent
      .given([])
      .when({ ...createAgent, name: "n".repeat(61) })
      .thenRejects("AgentNameTooLong", "BAD_USER_INPUT");
  });

  it.each([
    { summary: "" },
    { traits: [] },
    { traits: ["ok", " "] },
    { speakingStyle: "s".repeat(501) },
    { backstory: "b".repeat(4001) },
    { interests: Array.from({ length: 21 }, (_, i) => `interest ${i}`) },
  ])("rejects a persona with %j", (change) => {
    agent
      .given([])
      .when({ ...createAgent, persona: { ...createAgent.persona, ...change } })
      .thenRejects("PersonaInvalid", "BAD_USER_INPUT");
  });

  it("keeps the canonical name of a time zone typed in another case", () => {
    agent
      .given([])
      .when({ ...createAgent, identity: { ...createAgent.identity, timezone: "asia/tokyo" } })
      .thenMatches([
        { data: expect.objectContaining({ identity: expect.objectContaining({ timezone: "Asia/Tokyo" }) }) },
      ]);
  });

  it("rejects an unknown time zone", () => {
    agent
      .given([])
      .when({ ...createAgent, identity: { ...createAgent.identity, timezone: "Europe/Atlantis" } })
      .thenRejects("InvalidTimezone", "BAD_USER_INPUT");
  });

  it.each([
    { homeCity: "" },
    { occupation: "o".repeat(101) },
    { latitude: 91 },
    { latitude: 38.7, hemisphere: "south" as const },
    { homeCity: "\u200B" },
    { occupation: "\u3164" },
    { country: "\u2800" },
  ])("rejects an identity with %j", (change) => {
    agent
      .given([])
      .when({ ...createAgent, identity: { ...createAgent.identity, ...change } })
      .thenRejects("IdentityInvalid", "BAD_USER_INPUT");
  });

  it.each([" ", "\u200B\u200D"])(
    "rejects an appearance prompt that shows nothing: %j",
    (appearancePrompt) => {
      agent
        .given([])
        .when({ ...createAgent, appearancePrompt })
        .thenRejects("AppearancePromptInvalid", "BAD_USER_INPUT");
    },
  );

  it("rejects a persona summary or trait that shows nothing", () => {
    const persona = createAgent.persona;
    agent
      .given([])
      .when({ ...createAgent, persona: { ...persona, summary: "\uFEFF" } })
      .thenRejects("PersonaInvalid", "BAD_USER_INPUT");
    agent
      .given([])
      .when({ ...createAgent, persona: { ...persona, traits: ["warm", "\u200B"] } })
      .thenRejects("PersonaInvalid", "BAD_USER_INPUT");
  });

  it("rejects an intensity outside 0..1", () => {
    agent
      .given([])
      .when({ ...createAgent, moodBaseline: { mood: "calm", intensity: 1.5 } })
      .thenRejects("MoodBaselineInvalid", "BAD_USER_INPUT");
  });
});
