import {
  agentsReadingLorebook,
  getLorebook,
  type LorebookDetail,
  listLorebooks,
} from "../../../projections/lorebooks/queries.ts";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import {
  attachLorebook,
  exportLorebookFile,
  importLorebookFile,
  removeLorebookEntry,
  saveLorebookEntry,
} from "../../application/cards/lorebookAdmin.ts";
import { bookNameFromFileName } from "../../application/cards/lorebookFile.ts";
import type { LorebookEntry } from "../../domain/lorebook/schemas.ts";
import { lorebookStreamId } from "../../domain/streamIds.ts";
import { builder } from "../builder.ts";
import { type GraphQLContext, requestMeta } from "../context.ts";
import { badInput } from "../errors.ts";
import { CLIENT_REQUEST_ID_DESCRIPTION, clientRequestId } from "./clientRequestId.ts";
import {
  EntryPositionEnum,
  LorebookEntryInput,
  lorebookEntryFromInput,
  SelectiveLogicEnum,
} from "./lorebookEntryInput.ts";
import { id } from "./message.ts";
import { enumOf } from "./shared.ts";

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

const admin = { admin: true } as const;
const deps = (context: GraphQLContext) => ({ commands: context.services.commands });
/** The book once the read model shows this process's latest write to it (a payload, the read right after). */
async function lorebook(context: GraphQLContext, lorebookId: string) {
  await context.services.recentWrites.shown("lorebooks", lorebookStreamId(lorebookId), context.signal);
  return readModelOr(null, () => getLorebook(context.services.readModels, { id: lorebookId }));
}

const LorebookFileFormatEnum = enumOf(
  "LorebookFileFormat",
  ["worldInfo", "lorebookV3"] as const,
  "A lorebook file's format: SillyTavern world info, or a CCv3 lorebook (spec lorebook_v3).",
);

builder.queryFields((t) => ({
  lorebooks: t.field({
    type: [LorebookRef],
    authScopes: admin,
    resolve: async (_root, _args, context) => {
      await context.services.recentWrites.shownAny("lorebooks", "lorebook", context.signal);
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
  exportLorebook: t.string({
    description:
      "The book as a JSON file: SillyTavern world info (the default) or a CCv3 lorebook; importLorebook reads either back.",
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), format: t.arg({ type: LorebookFileFormatEnum }) },
    resolve: (_root, args, context) =>
      exportLorebookFile(deps(context), id.parse(String(args.id)), args.format ?? "worldInfo"),
  }),
}));

const LorebookPayload = builder
  .objectRef<{ lorebookId: string; warnings?: string[] }>("LorebookPayload")
  .implement({
    fields: (t) => ({
      lorebookId: t.exposeID("lorebookId"),
      warnings: t.stringList({
        description: "What an import left out (blank entries); empty for other changes.",
        resolve: (p) => p.warnings ?? [],
      }),
      lorebook: t.field({
        type: LorebookRef,
        nullable: true,
        description: "The book as the read model has it, with this change.",
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
    args: {
      file: t.arg({ type: "File", required: true }),
      clientRequestId: t.arg.id({ description: CLIENT_REQUEST_ID_DESCRIPTION }),
    },
    resolve: async (_root, args, context) => {
      const key = clientRequestId.parse(args.clientRequestId);
      if (args.file.size > 5 * 1024 * 1024) throw badInput("A lorebook file may be at most 5 MB.");
      const bytes = new Uint8Array(await args.file.arrayBuffer());
      const file = { bytes, fallbackName: bookNameFromFileName(args.file.name), clientRequestId: key };
      return importLorebookFile(deps(context), file, requestMeta(context));
    },
  }),
  attachLorebook: t.field({
    type: LorebookPayload,
    description:
      "Has the agent read the book; asked again (a retry), it changes nothing and answers the same.",
    authScopes: admin,
    args: { agentId: t.arg.id({ required: true }), lorebookId: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => setAttachment(context, args, true),
  }),
  detachLorebook: t.field({
    type: LorebookPayload,
    description:
      "Stops the agent reading the book; asked again (a retry), it changes nothing and answers the same.",
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
      const { lorebookId, entryId, entry } = lorebookEntryFromInput(args.input);
      await saveLorebookEntry(
        deps(context),
        { lorebookId, entry, replace: entryId !== null },
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
