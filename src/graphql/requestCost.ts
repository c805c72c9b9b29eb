import { type DocumentNode, type FieldNode, getOperationAST, Kind, type SelectionSetNode } from "graphql";

/** Queries that read a whole log each time they run: a flood of them costs as much as one of changes. */
const COSTLY_QUERIES: Record<string, (field: FieldNode) => boolean> = {
  exportMyData: () => true,
  exportChat: () => true,
  conversation: (field) => (field.arguments ?? []).some((argument) => argument.name.value === "asOf"),
};

/**
 * How many points of the person's change budget a request takes: one per mutation field (aliases
 * cannot pack many changes into one request), and one per costly query field, unless the viewer
 * is an admin (whose time-travel slider reads the past as it moves).
 */
export function requestCost(
  document: DocumentNode,
  operationName: string | null | undefined,
  role: "admin" | "user",
): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const fields = rootFields(document, operation.selectionSet, new Set());
  if (operation.operation === "mutation") return fields.length;
  if (role === "admin") return 0;
  return fields.filter((field) => COSTLY_QUERIES[field.name.value]?.(field) ?? false).length;
}

export function rootFields(
  document: DocumentNode,
  selections: SelectionSetNode,
  seen: Set<string>,
): FieldNode[] {
  return selections.selections.flatMap((selection): FieldNode[] => {
    if (selection.kind === Kind.FIELD) return selection.name.value === "__typename" ? [] : [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(document, selection.selectionSet, seen);
    const name = selection.name.value;
    if (seen.has(name)) return [];
    seen.add(name);
    const fragment = document.definitions.find(
      (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION
      ? rootFields(document, fragment.selectionSet, seen)
      : [];
  });
}
