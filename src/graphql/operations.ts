import { type DocumentNode, getOperationAST, type OperationTypeNode } from "graphql";

export function operationType(
  document: DocumentNode,
  operationName?: string | null,
): OperationTypeNode | null {
  return getOperationAST(document, operationName ?? undefined)?.operation ?? null;
}

export function isMutation(document: DocumentNode, operationName?: string | null): boolean {
  return operationType(document, operationName) === "mutation";
}
