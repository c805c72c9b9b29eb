import { type CommonQueryMethods, sql } from "slonik";
import { z } from "zod";
import type { LorebookEntry } from "../../src/domain/lorebook/schemas.ts";
import { readModel, readRow, readRows } from "../runner/readRows.ts";
import { type LorebookView, lorebookEntryRow, lorebookRow, toLorebookView } from "./rows.ts";

export type { LorebookView } from "./rows.ts";

export interface LorebookDetail extends LorebookView {
  /** In the order they were added. */
  entries: LorebookEntry[];
}

/** Books by name; deleted ones only when asked for. */
export async function listLorebooks(
  db: CommonQueryMethods,
  args: { includeDeleted?: boolean } = {},
): Promise<LorebookView[]> {
  const filter = args.includeDeleted ? sql.fragment`true` : sql.fragment`t.status = 'active'`;
  const rows = await readRows(
    db,
    lorebookRow,
    sql.fragment`from ${readModel("lorebooks")} t where ${filter} order by lower(t.name), t.name, t.id`,
  );
  return rows.map(toLorebookView);
}

/** One book (deleted ones too) with its entries. */
export async function getLorebook(
  db: CommonQueryMethods,
  args: { id: string },
): Promise<LorebookDetail | null> {
  const row = await readRow(
    db,
    lorebookRow,
    sql.fragment`from ${readModel("lorebooks")} t where t.id = ${args.id}`,
  );
  if (!row) return null;
  return {
    ...toLorebookView(row),
    entries: await entriesOf(db, [args.id]).then((e) => e.get(args.id) ?? []),
  };
}

/**
 * The active books an agent reads, in the agent's order, with their entries: what lorebook
 * matching takes for a reply. Books deleted since they were attached are left out.
 */
export async function lorebooksForAgent(
  db: CommonQueryMethods,
  args: { agentId: string },
): Promise<LorebookDetail[]> {
  const ids = await db.maybeOneFirst(
    sql.type(
      z.object({ ids: z.array(z.string()) }),
    )`select lorebook_ids as ids from ${readModel("agents")} where id = ${args.agentId}`,
  );
  if (!ids || ids.length === 0) return [];
  const rows = await readRows(
    db,
    lorebookRow,
    sql.fragment`from ${readModel("lorebooks")} t where t.id = any(${sql.array(ids, "text")}) and t.status = 'active'`,
  );
  const entries = await entriesOf(
    db,
    rows.map((r) => r.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...toLorebookView(row), entries: entries.get(id) ?? [] }] : [];
  });
}

/** The agents that read a book, by id. */
export async function agentsReadingLorebook(db: CommonQueryMethods, args: { id: string }): Promise<string[]> {
  const rows = await db.anyFirst(
    sql.type(
      z.object({ id: z.string() }),
    )`select id from ${readModel("agents")} where lorebook_ids ? ${args.id} order by id`,
  );
  return [...rows];
}

async function entriesOf(
  db: CommonQueryMethods,
  ids: readonly string[],
): Promise<Map<string, LorebookEntry[]>> {
  const byBook = new Map<string, LorebookEntry[]>();
  if (ids.length === 0) return byBook;
  const rows = await readRows(
    db,
    lorebookEntryRow,
    sql.fragment`from ${readModel("lorebook_entries")} t where t.lorebook_id = any(${sql.array([...ids], "text")}) order by t.lorebook_id, t.seq`,
  );
  for (const row of rows) byBook.set(row.lorebook_id, [...(byBook.get(row.lorebook_id) ?? []), row.entry]);
  return byBook;
}
