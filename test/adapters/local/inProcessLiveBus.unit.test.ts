import { InProcessLiveBus } from "../../../src/adapters/local/inProcessLiveBus.ts";
import { describeLiveBusContract } from "../../support/liveBusContract.ts";

describeLiveBusContract("in process", async () => {
  const bus = new InProcessLiveBus();
  return {
    first: bus,
    second: bus,
    settle: async () => {},
    open: async () => new InProcessLiveBus(),
    cleanup: () => bus.close(),
  };
});
