import SchemaBuilder from "@pothos/core";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { z } from "zod";
import type { GraphQLContext } from "./context.ts";
import { badInput, forbidden, unauthenticated } from "./errors.ts";

export interface BuilderTypes {
  Context: GraphQLContext;
  AuthScopes: { viewer: boolean; admin: boolean };
  Scalars: {
    DateTime: { Input: string; Output: string | Date };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
}

/** Every type file adds its types and fields to this builder; `schema.ts` turns it into the schema. */
export const builder = new SchemaBuilder<BuilderTypes>({
  plugins: [ScopeAuthPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      viewer: context.viewer !== null,
      admin: context.viewer?.role === "admin",
    }),
    unauthorizedError: (_parent, context) =>
      context.viewer
        ? forbidden("This needs the admin role; sign in as an operator.")
        : unauthenticated("Sign in first: send `Authorization: Bearer <token>`."),
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

/**
 * An instant: a day that exists (no 30 February rolled into March), an offset (no server's local
 * time), and a four-digit year, which leaves room for any arithmetic on it within what a Date holds.
 */
const instant = z.iso.datetime({ offset: true });

builder.scalarType("DateTime", {
  description: "An instant as an ISO 8601 string in UTC, e.g. 2026-05-01T09:30:00.000Z.",
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: (value) => {
    // A GraphQLError with its code: anything else thrown here reads as a fault of the server.
    if (!instant.safeParse(value).success)
      throw badInput(
        "Expected an ISO 8601 date-time with its offset and a year of four digits, e.g. 2026-05-01T09:30:00.000Z.",
      );
    return new Date(value as string).toISOString();
  },
});

builder.scalarType("JSON", {
  description: "Any JSON value (event data and metadata, as stored).",
  serialize: (value) => value,
  parseValue: (value) => value,
});
