import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { collectOperations } from "../../client/scripts/persistedOperations.ts";

const operationsModule = new URL("../../client/src/api/operations/index.ts", import.meta.url).pathname;
const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));

describe("the client's persisted operations", () => {
  it("names every operation once, hashes its exact text, and validates against schema.graphql", async () => {
    const operations = await collectOperations(operationsModule);
    expect(operations.length).toBeGreaterThan(20);
    expect(new Set(operations.map((o) => o.name)).size).toBe(operations.length);
    for (const operation of operations) {
      expect(operation.hash).toBe(createHash("sha256").update(operation.document).digest("hex"));
      expect(
        validate(schema, parse(operation.document)).map((e) => `${operation.name}: ${e.message}`),
      ).toEqual([]);
    }
  });
});
