import type { LorebookEvent } from "../../src/domain/lorebook/events.ts";
import { assertNever } from "../../src/domain/shared/decider.ts";
import { defineProjection, type ProjectedOf, type RowStore } from "../runner/projection.ts";
import { lorebookEntries, lorebooks } from "./rows.ts";

const handled = [
  "LorebookCreated",
  "LorebookDetailsUpdated",
  "LorebookEntryAdded",
  "LorebookEntryUpdated",
  "LorebookEntryRemoved",
  "LorebookDeleted",
] as const satisfies readonly LorebookEvent["type"][];

type Event = ProjectedOf<LorebookEvent>;

/**
 * Lorebooks for the admin editor and the prompt: each book with its settings, and its entries in
 * the order they were added. Which agents read a book is on the agents read model.
 */
export const lorebooksProjection = defineProjection({
  name: "lorebooks",
  version: 1,
  tables: [
    {
      name: lorebooks.name,
      columns: `id text not null, name text not null, description text not null, settings jsonb not null,
        source text not null, status text not null, entry_count int not null, next_seq int not null,
        created_by text not null, created_at timestamptz not null, updated_at timestamptz not null,
        deleted_at timestamptz, revision int not null`,
      primaryKey: ["id"],
      indexes: ["(status, name, id)"],
    },
    {
      name: lorebookEntries.name,
      columns: "lorebook_id text not null, entry_id text not null, seq int not null, entry jsonb not null",
      primaryKey: ["lorebook_id", "entry_id"],
      indexes: ["(lorebook_id, seq)"],
    },
  ],
  canHandle: handled,
  evolve: (event, rows) => evolve(event as Event, rows),
});

async function evolve(event: Event, rows: RowStore): Promise<void> {
  const { lorebookId } = event.data;
  const key = { id: lorebookId };
  const touched = { updated_at: event.occurredAt, revision: event.revision };
  switch (event.type) {
    case "LorebookCreated": {
      const d = event.data;
      lorebooks.put(rows, {
        id: lorebookId,
        name: d.name,
        description: d.description,
        settings: d.settings,
        source: d.source,
        status: "active",
        entry_count: 0,
        next_seq: 0,
        created_by: d.createdBy,
        created_at: d.createdAt,
        updated_at: d.createdAt,
        deleted_at: null,
        revision: event.revision,
      });
      return;
    }
    case "LorebookDetailsUpdated": {
      const { name, description, settings } = event.data;
      await lorebooks.patch(rows, key, { name, description, settings, ...touched });
      return;
    }
    case "LorebookEntryAdded": {
      const book = await lorebooks.get(rows, key);
      if (!book) return;
      const { entry } = event.data;
      lorebookEntries.put(rows, {
        lorebook_id: lorebookId,
        entry_id: entry.entryId,
        seq: book.next_seq,
        entry,
      });
      lorebooks.put(rows, {
        ...book,
        entry_count: book.entry_count + 1,
        next_seq: book.next_seq + 1,
        ...touched,
      });
      return;
    }
    case "LorebookEntryUpdated": {
      const { entry } = event.data;
      await lorebookEntries.patch(rows, { lorebook_id: lorebookId, entry_id: entry.entryId }, { entry });
      await lorebooks.patch(rows, key, touched);
      return;
    }
    case "LorebookEntryRemoved": {
      const entryKey = { lorebook_id: lorebookId, entry_id: event.data.entryId };
      const existing = await lorebookEntries.get(rows, entryKey);
      const book = await lorebooks.get(rows, key);
      if (existing) lorebookEntries.delete(rows, entryKey);
      if (book)
        lorebooks.put(rows, { ...book, entry_count: book.entry_count - (existing ? 1 : 0), ...touched });
      return;
    }
    case "LorebookDeleted":
      await lorebooks.patch(rows, key, { status: "deleted", deleted_at: event.data.deletedAt, ...touched });
      return;
    default:
      return assertNever(event);
  }
}
