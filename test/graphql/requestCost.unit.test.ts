import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { requestCost } from "../../src/graphql/requestCost.ts";

const cost = (source: string, role: "admin" | "user" = "user", operationName?: string) =>
  requestCost(parse(source), operationName, role);

describe("what a request costs of the person's change budget", () => {
  it("counts each mutation field, through aliases, fragments and inline fragments", () => {
    expect(cost(`mutation { a: cancelAccountDeletion }`)).toBe(1);
    expect(cost(`mutation { a: cancelAccountDeletion b: cancelAccountDeletion __typename }`)).toBe(2);
    expect(
      cost(`mutation { ...F ... on Mutation { c: cancelAccountDeletion } }
        fragment F on Mutation { a: cancelAccountDeletion b: cancelAccountDeletion }`),
    ).toBe(3);
    expect(cost(`mutation { ...F ...F } fragment F on Mutation { cancelAccountDeletion }`)).toBe(1);
    expect(cost(`mutation { a: cancelAccountDeletion b: cancelAccountDeletion }`, "admin")).toBe(2);
  });

  it("counts exports and time travel for people, not other reads, and nothing for admins' reads", () => {
    expect(cost(`{ me { id } conversation(agentId: "a") { state { affinity } } }`)).toBe(0);
    expect(cost(`{ a: exportMyData b: exportMyData exportChat(agentId: "a") }`)).toBe(3);
    expect(cost(`{ conversation(agentId: "a", asOf: { revision: 1 }) { state { affinity } } }`)).toBe(1);
    expect(
      cost(`{ exportMyData conversation(agentId: "a", asOf: { revision: 1 }) { __typename } }`, "admin"),
    ).toBe(0);
  });

  it("counts only the operation that runs", () => {
    const source = `query Read { me { id } } mutation Change { a: cancelAccountDeletion b: cancelAccountDeletion }`;
    expect(cost(source, "user", "Read")).toBe(0);
    expect(cost(source, "user", "Change")).toBe(2);
    expect(cost(source, "user")).toBe(0);
  });
});
