import { describe, expect, it } from "vitest";
import {
  agentStreamId,
  conversationStreamId,
  isStreamOfPerson,
  userStreamId,
} from "../../src/domain/streamIds.ts";

describe("isStreamOfPerson", () => {
  const person = "0b4a6f1e-3c2d-5e8f-9a1b-2c3d4e5f6a7b";
  const other = "7c9e2d4a-1b3f-5a6c-8d9e-0f1a2b3c4d5e";
  const agent = "5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
  const isTheirs = isStreamOfPerson(person);

  it("picks the person's user stream and conversations", () => {
    expect(isTheirs(userStreamId(person))).toBe(true);
    expect(isTheirs(conversationStreamId(person, agent))).toBe(true);
  });

  it("leaves other people's streams and the agents' own", () => {
    expect(isTheirs(userStreamId(other))).toBe(false);
    expect(isTheirs(conversationStreamId(other, agent))).toBe(false);
    expect(isTheirs(agentStreamId(agent))).toBe(false);
  });
});
