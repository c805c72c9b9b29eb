import { describe, expect, it } from "vitest";
import { OpenSubscriptions } from "../../src/graphql/subscriptionLimits.ts";

describe("OpenSubscriptions", () => {
  it("ends every open subscription of an erased person, and no one else's", () => {
    const subscriptions = new OpenSubscriptions();
    const ended: string[] = [];
    const connection = {};
    subscriptions.open(connection, "ada", () => ended.push("ada-1"));
    subscriptions.open({}, "ada", () => ended.push("ada-2"));
    subscriptions.open(connection, "bo", () => ended.push("bo"));
    const release = subscriptions.open({}, "ada", () => ended.push("ada-released"));
    release();

    subscriptions.endAllOf("ada");

    expect(ended.toSorted()).toEqual(["ada-1", "ada-2"]);
    expect(subscriptions.of("bo")).toBe(1);
  });

  it("refuses a subscription over the person's cap", () => {
    const subscriptions = new OpenSubscriptions({ perConnection: 5, perPerson: 1 });
    subscriptions.open({}, "ada");
    expect(() => subscriptions.open({}, "ada")).toThrow(/subscriptions open/);
  });
});
