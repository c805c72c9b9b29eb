import type { PersonErased } from "../../src/domain/user/erasureEvents.ts";
import type { ProjectedEvent, ProjectionDefinition, RowFilter, RowStore } from "./projection.ts";

const ERASED = "PersonErased";

/** The filters that find one person's rows in a table: by `user_id`, or by their conversation streams. */
export function personRowFilters(columns: string, userId: string): RowFilter[] {
  const names = new Set(columns.split(",").map((column) => column.trim().split(/\s+/)[0]));
  return [
    ...(names.has("user_id") ? [{ column: "user_id", equals: userId }] : []),
    ...(names.has("stream_id") ? [{ column: "stream_id", startsWith: `conversation-${userId}-` }] : []),
  ];
}

/**
 * The projection with `PersonErased` dropping the person's rows from every table that has them,
 * on the live stream and on every rebuild alike; a projection that handles the event itself
 * (users, keyed by `id`) still sees it afterwards.
 */
export function erasingPerson(definition: ProjectionDefinition): ProjectionDefinition {
  const handlesItself = definition.canHandle.includes(ERASED);
  const erase = async (userId: string, event: ProjectedEvent, rows: RowStore) => {
    for (const table of definition.tables)
      for (const filter of personRowFilters(table.columns, userId)) rows.deleteWhere(table.name, filter);
    if (handlesItself) await definition.evolve(event, rows);
  };
  const notify = definition.notify;
  return {
    ...definition,
    canHandle: handlesItself ? definition.canHandle : [...definition.canHandle, ERASED],
    evolve: (event, rows) => {
      const userId = erasedUserId(event);
      return userId === null ? definition.evolve(event, rows) : erase(userId, event, rows);
    },
    ...(notify ? { notify: (event, rows) => (erasedUserId(event) === null ? notify(event, rows) : []) } : {}),
  };
}

function erasedUserId(event: ProjectedEvent): string | null {
  if (event.type !== ERASED) return null;
  return (event as ProjectedEvent<PersonErased>).data.userId;
}
