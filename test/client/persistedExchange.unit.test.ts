import { Client, type Exchange, makeResult, type Operation } from "@urql/core";
import { describe, expect, it } from "vitest";
import { filter, map, pipe } from "wonka";
import { persistedOperationsExchange } from "../../client/src/api/persistedExchange.ts";

/** A fake transport: records what it was asked, and says "unknown hash" to the hashes listed. */
function transport(sent: Operation[], unknown: Set<string>): Exchange {
  return () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== "teardown"),
      map((operation) => {
        sent.push(operation);
        const hash = (operation.extensions?.persistedQuery as { sha256Hash?: string } | undefined)
          ?.sha256Hash;
        if (hash && unknown.has(hash))
          return makeResult(operation, {
            errors: [{ message: "not known", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }],
          });
        return makeResult(operation, { data: { me: { id: "u1" } } });
      }),
    );
}

const ME = "query Me { me { id } }";

describe("persistedOperationsExchange", () => {
  it("sends a known operation by its hash", async () => {
    const sent: Operation[] = [];
    const client = new Client({
      url: "/graphql",
      exchanges: [persistedOperationsExchange({ Me: "abc" }), transport(sent, new Set())],
    });
    const result = await client.query(ME, {}).toPromise();
    expect(result.data).toEqual({ me: { id: "u1" } });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.extensions?.persistedQuery).toEqual({ version: 1, sha256Hash: "abc" });
  });

  it("sends the full document once when the server does not know the hash, and stops trying it", async () => {
    const sent: Operation[] = [];
    const client = new Client({
      url: "/graphql",
      requestPolicy: "network-only",
      exchanges: [persistedOperationsExchange({ Me: "abc" }), transport(sent, new Set(["abc"]))],
    });
    const first = await client.query(ME, {}).toPromise();
    expect(first.error).toBeUndefined();
    expect(first.data).toEqual({ me: { id: "u1" } });
    expect(sent.map((o) => Boolean(o.extensions?.persistedQuery))).toEqual([true, false]);
    await client.query(ME, { again: true }).toPromise();
    expect(sent.map((o) => Boolean(o.extensions?.persistedQuery))).toEqual([true, false, false]);
  });

  it("leaves operations it has no hash for alone", async () => {
    const sent: Operation[] = [];
    const client = new Client({
      url: "/graphql",
      exchanges: [persistedOperationsExchange({}), transport(sent, new Set())],
    });
    await client.query(ME, {}).toPromise();
    expect(sent[0]!.extensions?.persistedQuery).toBeUndefined();
  });
});
