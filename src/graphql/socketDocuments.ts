import { type DocumentNode, type GraphQLError, type GraphQLSchema, getOperationAST } from "graphql";
import { ARMOR_REFUSAL, asBadInput } from "./errors.ts";
import { graphqlRuntime } from "./graphqlRuntime.ts";

interface DocumentTools {
  schema: GraphQLSchema;
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
}

/**
 * Parses, validates (with every limit yoga's plugins set: depth, aliases, cost, tokens) and picks
 * the operation of a document sent over a socket. Whatever is wrong comes back as BAD_USER_INPUT
 * errors of graphql-ws's own GraphQL copy, so graphql-ws refuses that one operation and leaves
 * the socket and its other subscriptions open; a thrown error would close the socket.
 */
export function checkSocketDocument(
  tools: DocumentTools,
  query: string,
  operationName: string | null | undefined,
): { document: DocumentNode } | { errors: GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = tools.parse(query);
  } catch (error) {
    // Refusals of our own (nesting) and graphql-armor's (tokens) say what is wrong already.
    const coded = (error as { extensions?: { code?: unknown } }).extensions?.code !== undefined;
    if (error instanceof Error && (coded || ARMOR_REFUSAL.test(error.message)))
      return { errors: [asRefusal(error)] };
    return { errors: [refusal(`The document does not parse: ${messageOf(error)}`)] };
  }
  let errors: readonly GraphQLError[];
  try {
    errors = tools.validate(tools.schema, document);
  } catch (error) {
    // graphql-armor throws its refusals from inside validation rather than reporting them.
    return { errors: [asRefusal(error)] };
  }
  if (errors.length > 0) return { errors: errors.map(asRefusal) };
  if (!getOperationAST(document, operationName ?? undefined))
    return {
      errors: [
        refusal(
          operationName
            ? `The document has no operation named "${operationName}".`
            : "The document holds several operations; name the one to run in operationName.",
        ),
      ],
    };
  return { document };
}

function asRefusal(error: unknown): GraphQLError {
  if (error instanceof Error && error.name === "GraphQLError") return asBadInput(error as GraphQLError);
  return refusal(`The document was refused: ${messageOf(error)}`);
}

function refusal(message: string): GraphQLError {
  return new graphqlRuntime.GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
