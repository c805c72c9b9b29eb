import { createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { graphqlRuntime } from "../../src/graphql/graphqlRuntime.ts";
import { sharedEventResultsPlugin } from "../../src/graphql/sharedEventResults.ts";

const { GraphQLObjectType, GraphQLSchema, GraphQLString, GraphQLNonNull } = graphqlRuntime;

/** A schema whose subscription hands every subscriber the same event objects, counting the work done on them. */
function setUp(events: () => AsyncGenerator<{ text: string }>) {
  let worked = 0;
  const Event = new GraphQLObjectType({
    name: "Event",
    fields: {
      text: {
        type: new GraphQLNonNull(GraphQLString),
        resolve: (event: { text: string }) => {
          worked++;
          return event.text;
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: "Subscription",
      fields: { events: { type: Event, subscribe: () => events(), resolve: (event) => event } },
    }),
  });
  const yoga = createYoga({
    schema,
    plugins: [sharedEventResultsPlugin()],
    logging: false,
    maskedErrors: false,
  });
  const subscribe = async (query: string) => {
    const { parse, subscribe, contextFactory } = yoga.getEnveloped({});
    const result = await subscribe({ schema, document: parse(query), contextValue: await contextFactory() });
    return result as AsyncIterableIterator<{ data?: unknown; errors?: readonly { message: string }[] }>;
  };
  return { subscribe, worked: () => worked };
}

describe("sharedEventResultsPlugin", () => {
  it("works out each event once for subscribers with the same document, and apart for another selection", async () => {
    const shared = [{ text: "one" }, { text: "two" }];
    const { subscribe, worked } = setUp(async function* () {
      yield* shared;
    });
    const query = "subscription { events { text } }";
    const [a, b, c] = [await subscribe(query), await subscribe(query), await subscribe(`${query} `)];

    for (const subscriber of [a, b]) {
      expect((await subscriber.next()).value).toEqual({ data: { events: { text: "one" } } });
      expect((await subscriber.next()).value).toEqual({ data: { events: { text: "two" } } });
      expect((await subscriber.next()).done).toBe(true);
    }
    expect(worked()).toBe(2);
    expect((await c.next()).value).toEqual({ data: { events: { text: "one" } } });
  });

  it("reports an error the event source throws as an error of the subscription", async () => {
    const { subscribe } = setUp(async function* () {
      yield { text: "one" };
      throw new Error("the source broke");
    });
    const subscriber = await subscribe("subscription { events { text } }");

    await subscriber.next();

    const error = await subscriber.next().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(graphqlRuntime.GraphQLError);
    expect(error).toMatchObject({
      message: "the source broke",
      originalError: { message: "the source broke" },
    });
  });

  it("answers a subscription that cannot start with its errors, as the executor does", async () => {
    const { subscribe } = setUp(() => {
      throw new Error("no such conversation");
    });

    const result = (await subscribe("subscription { events { text } }")) as { errors?: unknown };

    expect(result.errors).toMatchObject([{ message: "no such conversation", path: ["events"] }]);
  });
});
