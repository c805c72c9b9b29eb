import type { GraphQLSchema } from "graphql";
import { builder } from "./builder.ts";
import { graphqlRuntime } from "./graphqlRuntime.ts";
import "./types/shared.ts";
import "./types/user.ts";
import "./types/profile.ts";
import "./types/push.ts";
import "./types/agent.ts";
import "./types/message.ts";
import "./types/conversation.ts";
import "./types/imageJob.ts";
import "./types/conversationTree.ts";
import "./types/conversationEvents.ts";
import "./types/admin.ts";
import "./types/agentAdmin.ts";
import "./types/agentArchive.ts";
import "./types/projection.ts";
import "./types/conversationHistory.ts";
import "./types/privacy.ts";
import "./types/memory.ts";
import "./types/cards.ts";
import "./types/conversationOpening.ts";
import "./types/lorebooks.ts";
import "./types/chatTransfer.ts";

let schema: GraphQLSchema | null = null;

/** The executable schema, built once from the type files. */
export function withmeSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: true });
  return schema;
}

/** `schema.graphql` as committed: printed from the code, types and fields sorted. */
export function printWithmeSchema(): string {
  const { printSchema, lexicographicSortSchema } = graphqlRuntime;
  return `${printSchema(lexicographicSortSchema(withmeSchema()))}\n`;
}
