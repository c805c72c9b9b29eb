import { z } from "zod";
import {
  LorebookEntrySchema,
  LorebookSettingsSchema,
  LorebookSourceSchema,
} from "../../src/domain/lorebook/schemas.ts";
import { StoredNameSchema } from "../../src/domain/shared/schemas.ts";
import { instant, nullableInstant, rowTable } from "../runner/rowTables.ts";

export const lorebookRow = z.object({
  id: z.string(),
  name: StoredNameSchema,
  description: z.string(),
  settings: LorebookSettingsSchema,
  source: LorebookSourceSchema,
  status: z.enum(["active", "deleted"]),
  entry_count: z.number(),
  /** The order of the next entry added; entries keep the order they were added in. */
  next_seq: z.number(),
  created_by: z.string(),
  created_at: instant,
  updated_at: instant,
  deleted_at: nullableInstant,
  revision: z.number(),
});
export type LorebookRow = z.output<typeof lorebookRow>;

export const lorebookEntryRow = z.object({
  lorebook_id: z.string(),
  entry_id: z.string(),
  seq: z.number(),
  entry: LorebookEntrySchema,
});
export type LorebookEntryRow = z.output<typeof lorebookEntryRow>;

export const lorebooks = rowTable<LorebookRow>("lorebooks");
export const lorebookEntries = rowTable<LorebookEntryRow>("lorebook_entries");

export interface LorebookView {
  id: string;
  name: string;
  description: string;
  settings: z.output<typeof LorebookSettingsSchema>;
  source: z.output<typeof LorebookSourceSchema>;
  status: "active" | "deleted";
  entryCount: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Revision of the book's stream this row reflects: an expected revision for edits. */
  revision: number;
}

export function toLorebookView(row: LorebookRow): LorebookView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    settings: row.settings,
    source: row.source,
    status: row.status,
    entryCount: row.entry_count,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    revision: row.revision,
  };
}
