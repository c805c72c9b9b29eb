import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InMemoryDataKeyStore } from "../../../src/adapters/local/inMemoryDataKeyStore.ts";
import { InProcessLiveBus } from "../../../src/adapters/local/inProcessLiveBus.ts";
import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { InMemorySnapshotStore } from "../../../src/adapters/memory/inMemorySnapshotStore.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { erasePerson } from "../../../src/application/privacy/personErasure.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import type { MediaStorage } from "../../../src/ports/mediaStorage.ts";
import type { VectorIndex } from "../../../src/ports/vectorIndex.ts";
import { registerTestPersonAndAgent } from "../../support/testCommands.ts";

describe("erasing a person", () => {
  it("destroys the person's key before deleting their pictures and memories", async () => {
    const ids = { userId: randomUUID(), agentId: randomUUID() };
    const commands = new CommandHandler(new EventLog(new InMemoryEventStore(), catalogue));
    await registerTestPersonAndAgent(commands, ids);
    const keys = new InMemoryDataKeyStore();
    await keys.keyFor(ids.userId);
    const erasedWhen: string[] = [];
    const isErased = async () => (await keys.standings([ids.userId])).get(ids.userId)?.state === "erased";
    const media = {
      deleteUrl: async (url: string) => {
        erasedWhen.push(`${url}: ${await isErased()}`);
        return true;
      },
    } as unknown as MediaStorage;
    const vectorIndex = {
      deleteNamespace: async () => {
        erasedWhen.push(`memories: ${await isErased()}`);
      },
    } as unknown as VectorIndex;
    const deps = {
      commands,
      keys,
      vectorIndex,
      media,
      snapshots: new InMemorySnapshotStore(),
      bus: new InProcessLiveBus(),
      records: {
        agentIdsOf: async () => [ids.agentId],
        imageUrlsOf: async () => ["/media/selfie.png"],
        imageJobIdsOf: async () => [],
      },
    };
    const result = await erasePerson(
      deps,
      { userId: ids.userId, by: "admin" },
      { actor: "admin", requestId: null, now: new Date() },
    );
    expect(result).toEqual({ erased: true });
    expect(erasedWhen).toEqual(["/media/selfie.png: true", "memories: true"]);
  });
});
