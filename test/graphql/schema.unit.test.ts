import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { printWithmeSchema } from "../../src/graphql/schema.ts";

describe("schema.graphql", () => {
  it("matches the schema the code builds (run `npm run schema` after changing a type)", () => {
    const committed = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
    const printed = printWithmeSchema();
    if (committed !== printed)
      expect.fail("schema.graphql is stale: run `npm run schema` and commit the result");
    expect(printed).toContain("conversationEvents(afterRevision: Int, agentId: ID!): ConversationEvent!");
  });
});
