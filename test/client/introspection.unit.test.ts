import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  introspectionFile,
  renderIntrospection,
  schemaFile,
} from "../../client/scripts/generateIntrospection.ts";
import { MOODS as clientMoods } from "../../client/src/admin/agentData.ts";
import { MOODS } from "../../src/domain/shared/mood.ts";

describe("client/src/graphql-env.d.ts", () => {
  it("is generated from the committed schema.graphql (run `npm run client:types` when this fails)", () => {
    const expected = renderIntrospection(readFileSync(schemaFile, "utf8"));
    expect(readFileSync(introspectionFile, "utf8") === expected).toBe(true);
  });
});

describe("the admin view's lists", () => {
  it("offer exactly the moods the domain knows", () => {
    expect([...clientMoods]).toEqual([...MOODS]);
  });
});
