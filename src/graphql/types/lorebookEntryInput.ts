import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { LorebookEntryInput as EntryCommandInput } from "../../domain/lorebook/commands.ts";
import { SELECTIVE_LOGICS } from "../../domain/lorebook/schemas.ts";
import { builder } from "../builder.ts";
import { badInput } from "../errors.ts";
import { id } from "./message.ts";
import { enumOf } from "./shared.ts";

/** The editor's lorebook entry as GraphQL takes it, and as the lorebook's commands take it. */

export const SelectiveLogicEnum = enumOf(
  "SelectiveLogic",
  SELECTIVE_LOGICS,
  "How secondary keys combine with a primary match.",
);
export const EntryPositionEnum = enumOf(
  "EntryPosition",
  ["beforeCharacter", "afterCharacter"] as const,
  "Where the entry goes in the prompt.",
);

export const LorebookEntryInput = builder.inputType("LorebookEntryInput", {
  fields: (t) => ({
    lorebookId: t.id({ required: true }),
    entryId: t.id({
      description:
        "The entry to replace (fields left out keep their values); a new entry gets an id when left out.",
    }),
    keys: t.stringList({
      required: true,
      description:
        "Words that bring the entry into the prompt; a constant entry needs none, but has content.",
    }),
    secondaryKeys: t.stringList(),
    selectiveLogic: t.field({ type: SelectiveLogicEnum }),
    content: t.string({ required: true }),
    comment: t.string({ description: "The entry's title for people; never part of a prompt." }),
    enabled: t.boolean(),
    constant: t.boolean(),
    insertionOrder: t.int({ description: "From -1,000,000 to 1,000,000; lower comes first in the prompt." }),
    position: t.field({ type: EntryPositionEnum }),
  }),
});

const entrySchema = z.object({
  lorebookId: id,
  entryId: id.nullish(),
  keys: z.array(z.string()).max(100),
  secondaryKeys: z.array(z.string()).max(100).nullish(),
  selectiveLogic: z.enum(SELECTIVE_LOGICS).nullish(),
  content: z.string().max(20_000),
  comment: z.string().max(500).nullish(),
  enabled: z.boolean().nullish(),
  constant: z.boolean().nullish(),
  insertionOrder: z.number().int().nullish(),
  position: z.enum(["beforeCharacter", "afterCharacter"]).nullish(),
});

type EntryArgs = typeof LorebookEntryInput.$inferInput;

export function lorebookEntryFromInput(args: EntryArgs): {
  lorebookId: string;
  entryId: string | null;
  entry: EntryCommandInput;
} {
  const { lorebookId, entryId, ...input } = entrySchema.parse(args);
  requireNoBlankKey(input.keys, "keys");
  requireNoBlankKey(input.secondaryKeys ?? [], "secondaryKeys");
  const entry = Object.fromEntries(
    Object.entries({ ...input, entryId: entryId ?? randomUUID() }).filter(([, v]) => v != null),
  ) as { entryId: string; keys: string[]; content: string };
  return { lorebookId, entryId: entryId ?? null, entry };
}

function requireNoBlankKey(keys: readonly string[], field: string): void {
  const index = keys.findIndex((key) => key.trim() === "");
  if (index !== -1)
    throw badInput(
      `${field}[${index}] is blank: every key needs at least one character that is not a space; leave blank keys out.`,
      { field, index },
    );
}
