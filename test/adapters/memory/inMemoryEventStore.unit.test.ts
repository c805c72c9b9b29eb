import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { describeEventStoreContract } from "../../support/eventStoreContract.ts";

describeEventStoreContract("in memory", async () => {
  const store = new InMemoryEventStore();
  return { store, globallyUniqueEventIds: true, cleanup: () => store.close() };
});
