import { describe, expect, it, vi } from "vitest";
import { defaultEngineSettings } from "../../../src/application/engine/engineDependencies.ts";
import { warmUpMemories } from "../../../src/application/engine/memoryRetrieval.ts";
import { memoryNamespace, type VectorIndex } from "../../../src/ports/vectorIndex.ts";

const userId = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const agentId = "6b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
const settings = defaultEngineSettings;

const indexWith = (warmUp?: VectorIndex["warmUp"]): VectorIndex => ({
  name: "test",
  dimensions: 3,
  upsert: async () => {},
  query: async () => [],
  delete: async () => {},
  deleteNamespace: async () => {},
  ...(warmUp ? { warmUp } : {}),
});

describe("warmUpMemories", () => {
  it("warms up the person's namespace with the agent, as fresh as a turn's memory search accepts", () => {
    const warmUp = vi.fn(async () => {});
    warmUpMemories({ vectorIndex: indexWith(warmUp), settings }, userId, agentId);
    expect(warmUp).toHaveBeenCalledWith(memoryNamespace(userId, agentId), {
      freshWithinMs: settings.contextFreshMs,
    });
  });

  it("does nothing for an index with nothing to warm up, and never throws", async () => {
    expect(() => warmUpMemories({ vectorIndex: indexWith(), settings }, userId, agentId)).not.toThrow();
    const failing = vi.fn(() => Promise.reject(new Error("down")));
    expect(() =>
      warmUpMemories({ vectorIndex: indexWith(failing), settings }, userId, agentId),
    ).not.toThrow();
    const refused = vi.fn(async () => {});
    expect(() => warmUpMemories({ vectorIndex: indexWith(refused), settings }, "", agentId)).not.toThrow();
    expect(refused).not.toHaveBeenCalled();
    // The rejection is handled: an unhandled one would fail the run.
    await Promise.resolve();
  });
});
