import { describe, it } from "vitest";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, archived, created, now } from "./fixtures.ts";

const agent = spec(agentDecider);

describe("SetAgentBasePortrait", () => {
  const command = {
    type: "SetAgentBasePortrait",
    agentId,
    imageJobId: "job-1",
    url: "/media/a1/portrait.png",
    now,
  } as const;
  const portraitSet = {
    type: "AgentBasePortraitSet",
    data: { agentId, imageJobId: "job-1", url: "/media/a1/portrait.png" },
  } as const;

  it("sets the base portrait", () => {
    agent.given([created]).when(command).then([portraitSet]);
  });

  it("takes an absolute https URL", () => {
    agent
      .given([created])
      .when({ ...command, url: "https://cdn.example.com/p.png" })
      .thenMatches([{ type: "AgentBasePortraitSet" }]);
  });

  it("writes nothing when the same job sets it again", () => {
    agent.given([created, portraitSet]).when(command).then([]);
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound", "NOT_FOUND");
  });

  it("rejects changes to an archived agent", () => {
    agent.given([created, archived]).when(command).thenRejects("AgentIsArchived", "CONFLICT");
  });

  it.each(["ftp://example.com/x.png", "//evil.example/x.png", "not a url"])("rejects the URL %j", (url) => {
    agent
      .given([created])
      .when({ ...command, url })
      .thenRejects("InvalidImageUrl", "BAD_USER_INPUT");
  });
});

describe("ArchiveAgent", () => {
  const command = {
    type: "ArchiveAgent",
    agentId,
    archivedBy: "admin-1",
    reason: "Retired persona",
    now,
  } as const;

  it("archives the agent", () => {
    agent
      .given([created])
      .when(command)
      .then([
        {
          type: "AgentArchived",
          data: { agentId, archivedBy: "admin-1", reason: "Retired persona", archivedAt: now },
        },
      ]);
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound", "NOT_FOUND");
  });

  it("rejects archiving twice", () => {
    agent.given([created, archived]).when(command).thenRejects("AgentAlreadyArchived", "CONFLICT");
  });

  it("rejects an overlong reason", () => {
    agent
      .given([created])
      .when({ ...command, reason: "r".repeat(201) })
      .thenRejects("ReasonInvalid", "BAD_USER_INPUT");
  });
});

describe("UnarchiveAgent", () => {
  const command = { type: "UnarchiveAgent", agentId, unarchivedBy: "admin-2", now } as const;

  it("brings an archived agent back, and it takes changes again", () => {
    agent
      .given([created, archived])
      .when(command)
      .then([{ type: "AgentUnarchived", data: { agentId, unarchivedBy: "admin-2", unarchivedAt: now } }]);
    agent
      .given([
        created,
        archived,
        { type: "AgentUnarchived", data: { agentId, unarchivedBy: "admin-2", unarchivedAt: now } },
      ])
      .when({ type: "ArchiveAgent", agentId, archivedBy: "admin-1", now })
      .then([
        { type: "AgentArchived", data: { agentId, archivedBy: "admin-1", reason: null, archivedAt: now } },
      ]);
  });

  it("rejects an agent that is not archived, and an unknown one", () => {
    agent.given([created]).when(command).thenRejects("AgentNotArchived", "CONFLICT");
    agent.given([]).when(command).thenRejects("AgentNotFound", "NOT_FOUND");
  });
});
