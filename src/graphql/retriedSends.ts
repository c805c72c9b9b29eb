import { type DocumentNode, getOperationAST, valueFromASTUntyped } from "graphql";
import { isAcceptedSend } from "../application/conversations/acceptedSend.ts";
import type { GraphQLContext } from "./context.ts";
import { rootFields } from "./requestCost.ts";

/**
 * True when the request only resends messages that were stored already (`sendMessage` with a
 * client message id and text already accepted): such a retry is answered as the first send was.
 */
export async function onlyResendsAcceptedMessages(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  context: GraphQLContext,
  options: { cachedOnly: boolean },
): Promise<boolean> {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!context.viewer || operation?.operation !== "mutation") return false;
  const fields = rootFields(document, operation.selectionSet, new Set());
  if (fields.length === 0 || fields.some((field) => field.name.value !== "sendMessage")) return false;
  const userId = context.viewer.userId;
  for (const field of fields) {
    const node = field.arguments?.find((argument) => argument.name.value === "input")?.value;
    const input = node
      ? (valueFromASTUntyped(node, variables ?? undefined) as Record<string, unknown>)
      : null;
    const { agentId, clientMessageId, text } = input ?? {};
    if (typeof agentId !== "string" || typeof clientMessageId !== "string" || typeof text !== "string")
      return false;
    const send = { userId, agentId: agentId.trim(), clientMessageId: clientMessageId.trim(), text };
    if (!(await isAcceptedSend(context.services.commands, send, options))) return false;
  }
  return true;
}
