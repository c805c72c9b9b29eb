import { InMemoryVectorIndex } from "./inMemoryVectorIndex.ts";
import { CONTRACT_DIMENSIONS, describeVectorIndexContract } from "./vectorIndexContract.ts";

describeVectorIndexContract("in memory (test double)", async () => ({
  index: new InMemoryVectorIndex(CONTRACT_DIMENSIONS),
  cleanup: async () => {},
}));
