import { describe } from "vitest";
import { EventStoreDbEventStore } from "../../../src/adapters/eventstoredb/eventStoreDbEventStore.ts";
import { describeEventStoreContract } from "../../support/eventStoreContract.ts";
import { startFakeEventStoreDb } from "../../support/fakes/eventStoreDb/fakeEventStoreDb.ts";

describeEventStoreContract("EventStoreDB (local gRPC fake)", async () => {
  const fake = await startFakeEventStoreDb();
  const store = EventStoreDbEventStore.connect(fake.url);
  return {
    store,
    globallyUniqueEventIds: false,
    storedEvents: async (streamId) =>
      (fake.log.stream(streamId) ?? []).map((record) => {
        const data = Buffer.from(record.data).toString("utf8");
        return {
          id: record.id,
          data: JSON.parse(data),
          raw: data + Buffer.from(record.metadata).toString("utf8"),
        };
      }),
    cleanup: async () => {
      await store.close();
      await fake.close();
    },
  };
});

const realServerUrl = process.env.EVENTSTOREDB_URL;
if (realServerUrl) {
  describeEventStoreContract("EventStoreDB (EVENTSTOREDB_URL)", async () => {
    const store = EventStoreDbEventStore.connect(realServerUrl);
    return {
      store,
      globallyUniqueEventIds: false,
      cleanup: () => store.close(),
    };
  });
} else {
  console.warn(
    "skipped: no EVENTSTOREDB_URL — the EventStoreDB contract suite against a real server did not run",
  );
  describe.skip("EventStoreDB against a real server (set EVENTSTOREDB_URL to run)", () => {
    describeEventStoreContract("EventStoreDB (EVENTSTOREDB_URL)", async () => {
      throw new Error("EVENTSTOREDB_URL is not set");
    });
  });
}
