import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withmePersonalData } from "../../src/application/privacy/personalDataPolicy.ts";
import { mapAtPath } from "../../src/application/privacy/personalFields.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import {
  conversationPerson,
  PersonUnknownError,
  personalData,
  personOf,
  streamUser,
} from "../../src/domain/personalData.ts";
import { personalSamples } from "../support/personalEvents.ts";

const userId = randomUUID();
const agentId = randomUUID();
const samples = personalSamples(userId, agentId, "Ana");
const personalTypes = withmePersonalData.personalTypes();

describe("personal data declarations", () => {
  it("classify every event type of the catalogue, and only those", () => {
    const declared = Object.keys(personalData);
    expect(catalogue.types().filter((type) => !declared.includes(type))).toEqual([]);
    expect(declared.filter((type) => !catalogue.has(type))).toEqual([]);
  });

  it("have a sample event for every type with personal fields", () => {
    const sampled = new Set<string>(samples.map((sample) => sample.event.type));
    expect(personalTypes.filter((type) => !sampled.has(type))).toEqual([]);
  });

  it.each(personalTypes)(
    "%s: every declared field is present, and its erased value passes the schema",
    (type) => {
      const sample = samples.find((candidate) => candidate.event.type === type)!;
      const data = catalogue.validate(sample.event);
      let erased = data;
      for (const field of withmePersonalData.fields(type)) {
        let reached = 0;
        erased = mapAtPath(erased, field.path, () => {
          reached += 1;
          return field.erased;
        });
        expect(reached, `a field of ${type}`).toBeGreaterThan(0);
      }
      expect(erased).not.toEqual(data);
      expect(() => catalogue.parse(type, catalogue.currentVersion(type), erased)).not.toThrow();
      expect(JSON.stringify(erased)).not.toContain("Ana");
    },
  );

  it("keep every free-text field of the samples personal (no sample text is left in the clear)", () => {
    for (const { event } of samples) {
      let data: unknown = event.data;
      for (const field of withmePersonalData.fields(event.type))
        data = mapAtPath(data, field.path, () => null);
      expect(JSON.stringify(data), event.type).not.toContain("Ana");
    }
  });
});

describe("whose data an event holds", () => {
  it("is the person of a conversation stream, whose id is a uuid", () => {
    expect(conversationPerson(`conversation-${userId}-${agentId}`)).toBe(userId);
    expect(conversationPerson(`conversation-${userId}-starter-mia`)).toBe(userId);
    expect(conversationPerson("conversation-u1-a1")).toBe("u1");
    expect(conversationPerson("conversation-u1")).toBeNull();
    expect(conversationPerson(`user-${userId}`)).toBeNull();
  });

  it("is the person of a user stream", () => {
    expect(streamUser(`user-${userId}`)).toBe(userId);
    expect(streamUser("user-")).toBeNull();
    expect(streamUser(`agent-${agentId}`)).toBeNull();
  });

  it("is the person an image job names, and nobody for an agent's base portrait", () => {
    const declaration = personalData.ImageJobRequested;
    expect(personOf(declaration, "ImageJobRequested", "imagejob-j1", { userId, prompt: "p" })).toBe(userId);
    expect(personOf(declaration, "ImageJobRequested", "imagejob-j1", { prompt: "p" })).toBeNull();
  });

  it("is nobody for events that hold nothing personal", () => {
    expect(withmePersonalData.personOf("AgentCreated", `agent-${agentId}`, {})).toBeNull();
    expect(withmePersonalData.personOf("SomethingElse", "anything", {})).toBeNull();
  });

  it("refuses to guess when a personal event sits in a stream that names nobody", () => {
    expect(() => withmePersonalData.personOf("UserMessageSent", "test-123", { text: "hi" })).toThrow(
      PersonUnknownError,
    );
  });
});
