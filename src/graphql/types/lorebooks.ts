import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  agentsReadingLorebook,
  getLorebook,
  type LorebookDetail,
  listLorebooks,
} from "../../../projections/lorebooks/queries.ts";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import {
  attachLorebook,
  importLorebookFile,
  removeLorebookEntry,
  saveLorebookEntry,
} from "../../application/cards/lorebookAdmin.ts";
import { type LorebookEntry, SELECTIVE_LOGICS } from "../../domain/lorebook/schemas.ts";
import { builder } from "../builder.ts";
import { type GraphQLContext, requestMeta } from "../context.ts";
import { badInput } from "../errors.ts";
import { id } from "./message.ts";
import { enumOf } from "./shared.ts";

const SelectiveLogicEnum = enumOf(
  "SelectiveLogic",
  SELECTIVE_LOGICS,
  "How secondary keys combine with a primary match.",
);
const EntryPositionEnum = enumOf(
  "EntryPosition",
  ["beforeCharacter", "afterCharacter"] as const,
  "Where the entry goes in the prompt.",
);

const LorebookEntryRef = builder.objectRef<LorebookEntry>("LorebookEntry").implement({
  fields: (t) => ({
    id: t.exposeID("entryId"),
    comment: t.exposeString("comment"),
    keys: t.exposeStringList("keys"),
    secondaryKeys: t.exposeStringList("secondaryKeys"),
    selective: t.exposeBoolean("selective"),
    selectiveLogic: t.field({ type: SelectiveLogicEnum, resolve: (e) => e.selectiveLogic }),
    content: t.exposeString("content"),
    enabled: t.exposeBoolean("enabled"),
    constant: t.exposeBoolean("constant"),
    insertionOrder: t.exposeInt("insertionOrder"),
    position: t.field({ type: EntryPositionEnum, resolve: (e) => e.position }),
  }),
});

const LorebookRef = builder.objectRef<LorebookDetail>("Lorebook").implement({
  description: "A book of world info: entries that enter the prompt when their keys come up.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    source: t.exposeString("source"),
    entryCount: t.exposeInt("entryCount"),
    tokenBudget: t.int({ nullable: true, resolve: (b) => b.settings.tokenBudget }),
    scanDepth: t.int({ nullable: true, resolve: (b) => b.settings.scanDepth }),
    entries: t.field({ type: [LorebookEntryRef], resolve: (b) => b.entries }),
    agentIds: t.idList({
      description: "The agents that read this book.",
      resolve: (b, _args, context) =>
        readModelOr([], () => agentsReadingLorebook(context.services.readModels, { id: b.id })),
    }),
  }),
});

const LorebookEntryInput = builder.inputType("LorebookEntryInput", {
  fields: (t) => ({
    lorebookId: t.id({ required: true }),
    entryId: t.id({ description: "The entry to replace; a new entry gets an id when left out." }),
    keys: t.stringList({
      required: true,
      description:
        "Words that bring the entry into the prompt; a constant entry needs none, but has content.",
    }),
    secondaryKeys: t.stringList(),
    selectiveLogic: t.field({ type: SelectiveLogicEnum }),
    content: t.string({ required: true }),
    comment: t.string(),
    enabled: t.boolean(),
    constant: t.boolean(),
    insertionOrder: t.int({ description: "From -1,000,000 to 1,000,000; lower comes first in the prompt." }),
    position: t.field({ type: EntryPositionEnum }),
  }),
});

const entrySchema = z.object({
  lorebookId: id,
  entryId: id.nullish(),
  keys: z.array(z.string().trim().min(1)).max(100),
  secondaryKeys: z.array(z.string().trim().min(1)).max(100).nullish(),
  selectiveLogic: z.enum(SELECTIVE_LOGICS).nullish(),
  content: z.string().max(20_000),
  comment: z.string().max(500).nullish(),
  enabled: z.boolean().nullish(),
  constant: z.boolean().nullish(),
  insertionOrder: z.number().int().nullish(),
  position: z.enum(["beforeCharacter", "afterCharacter"]).nullish(),
});

const admin = { admin: true } as const;
const deps = (context: GraphQLContext) => ({ commands: context.services.commands });
const lorebook = (context: GraphQLContext, lorebookId: string) =>
  readModelOr(null, () => getLorebook(context.services.readModels, { id: lorebookId }));

builder.queryFields((t) => ({
  lorebooks: t.field({
    type: [LorebookRef],
    authScopes: admin,
    resolve: async (_root, _args, context) => {
      const books = await readModelOr([], () => listLorebooks(context.services.readModels));
      return books.map((b) => ({ ...b, entries: [] as LorebookEntry[] }));
    },
  }),
  lorebook: t.field({
    type: LorebookRef,
    nullable: true,
    authScopes: admin,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => lorebook(context, id.parse(String(args.id))),
  }),
}));

const LorebookPayload = builder.objectRef<{ lorebookId: string }>("LorebookPayload").implement({
  fields: (t) => ({
    lorebookId: t.exposeID("lorebookId"),
    lorebook: t.field({
      type: LorebookRef,
      nullable: true,
      description: "As the read model has it (null or older for a moment after a change).",
      resolve: (p, _args, context) => lorebook(context, p.lorebookId),
    }),
  }),
});

async function setAttachment(
  context: GraphQLContext,
  args: { agentId: string | number; lorebookId: string | number },
  attach: boolean,
): Promise<{ lorebookId: string }> {
  const input = { agentId: id.parse(String(args.agentId)), lorebookId: id.parse(String(args.lorebookId)) };
  await attachLorebook(deps(context), { ...input, attach }, requestMeta(context));
  return { lorebookId: input.lorebookId };
}

builder.mutationFields((t) => ({
  importLorebook: t.field({
    type: LorebookPayload,
    description: "Imports SillyTavern world info (or a lorebook V3 / character book JSON) as a new book.",
    authScopes: admin,
    args: { file: t.arg({ type: "File", required: true }) },
    resolve: async (_root, args, context) => {
      if (args.file.size > 5 * 1024 * 1024) throw badInput("A lorebook file may be at most 5 MB.");
      const bytes = new Uint8Array(await args.file.arrayBuffer());
      const name = (args.file.name ?? "").replace(/\.json$/i, "").trim() || "Lorebook";
      return importLorebookFile(deps(context), bytes, name.slice(0, 120), requestMeta(context));
    },
  }),
  attachLorebook: t.field({
    type: LorebookPayload,
    authScopes: admin,
    args: { agentId: t.arg.id({ required: true }), lorebookId: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => setAttachment(context, args, true),
  }),
  detachLorebook: t.field({
    type: LorebookPayload,
    authScopes: admin,
    args: { agentId: t.arg.id({ required: true }), lorebookId: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => setAttachment(context, args, false),
  }),
  saveLorebookEntry: t.field({
    type: LorebookPayload,
    description: "Creates an entry, or replaces the entry named by `entryId`.",
    authScopes: admin,
    args: { input: t.arg({ type: LorebookEntryInput, required: true }) },
    resolve: async (_root, args, context) => {
      const { lorebookId, entryId, ...input } = entrySchema.parse(args.input);
      const entry = Object.fromEntries(
        Object.entries({ ...input, entryId: entryId ?? randomUUID() }).filter(([, v]) => v != null),
      ) as { entryId: string; keys: string[]; content: string };
      await saveLorebookEntry(
        deps(context),
        { lorebookId, entry, replace: Boolean(entryId) },
        requestMeta(context),
      );
      return { lorebookId };
    },
  }),
  removeLorebookEntry: t.field({
    type: LorebookPayload,
    authScopes: admin,
    args: { lorebookId: t.arg.id({ required: true }), entryId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const input = {
        lorebookId: id.parse(String(args.lorebookId)),
        entryId: id.parse(String(args.entryId)),
      };
      await removeLorebookEntry(deps(context), input, requestMeta(context));
      return { lorebookId: input.lorebookId };
    },
  }),
}));
