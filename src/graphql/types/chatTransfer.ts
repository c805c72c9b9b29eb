import { listAgents } from "../../../projections/agents/queries.ts";
import { listAllAgentIdsOfUser } from "../../../projections/conversations/queries.ts";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import { CARD_FILE_LIMITS } from "../../application/cards/cardErrors.ts";
import { exportChat, importChatFile } from "../../application/cards/chatTransfer.ts";
import { requireAgentInSight } from "../agentInSight.ts";
import { builder } from "../builder.ts";
import { type GraphQLContext, requestMeta, viewerOf } from "../context.ts";
import { badInput, forbidden } from "../errors.ts";
import { chargeHistoryRead, conversationLength } from "../historyReads.ts";
import { requireNamedPerson } from "../namedPerson.ts";
import { AgentRef } from "./agent.ts";
import { id } from "./message.ts";

/** A person's own conversation; an admin may name anyone's. */
function personOf(context: GraphQLContext, userId: string | null | undefined): string {
  const viewer = viewerOf(context);
  if (userId == null || userId === viewer.userId) return viewer.userId;
  if (viewer.role !== "admin") throw forbidden("You can import and export only your own conversations.");
  return id.parse(userId);
}

const ImportChatInput = builder.inputType("ImportChatInput", {
  fields: (t) => ({
    agentId: t.id({ required: true }),
    file: t.field({ type: "File", required: true, description: "A SillyTavern chat (JSONL)." }),
    userId: t.id({ description: "Whose conversation (admins only); the viewer's own when left out." }),
  }),
});

const ImportChatPayload = builder
  .objectRef<{ agentId: string; messages: number; warnings: string[] }>("ImportChatPayload")
  .implement({
    fields: (t) => ({
      agentId: t.exposeID("agentId"),
      messages: t.exposeInt("messages", { description: "How many messages were imported." }),
      warnings: t.exposeStringList("warnings", {
        description:
          "What the import left out or changed (system notes, blank messages, the person's consecutive lines joined, texts shortened), and a chat written with another character.",
      }),
    }),
  });

builder.mutationField("importChat", (t) =>
  t.field({
    type: ImportChatPayload,
    description:
      "Imports a SillyTavern chat into an empty conversation: the chosen messages as the path, swipes as sibling replies, original times kept. The same file again answers as the first import did, importing nothing twice.",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: ImportChatInput, required: true }) },
    resolve: async (_root, args, context) => {
      const userId = personOf(context, args.input.userId == null ? null : String(args.input.userId));
      const agentId = id.parse(String(args.input.agentId));
      await requireAgentInSight(context, agentId);
      if (args.input.file.size > CARD_FILE_LIMITS.chatBytes)
        throw badInput("A chat file may be at most 20 MB.");
      const bytes = new Uint8Array(await args.input.file.arrayBuffer());
      const { commands, events } = context.services;
      const result = await importChatFile(
        { commands, events },
        { userId, agentId, bytes },
        requestMeta(context),
      );
      return { agentId, ...result };
    },
  }),
);

builder.queryField("exportChat", (t) =>
  t.string({
    description:
      "The conversation's active path as a SillyTavern chat (JSONL). NOT_FOUND for an agent out of sight, and for a userId of no one who signed in (or of someone erased).",
    authScopes: { viewer: true },
    args: {
      agentId: t.arg.id({ required: true }),
      userId: t.arg.id({ description: "Whose conversation (admins only); the viewer's own when left out." }),
    },
    resolve: async (_root, args, context) => {
      const userId = personOf(context, args.userId == null ? null : String(args.userId));
      await requireNamedPerson(context, userId);
      const agentId = id.parse(String(args.agentId));
      await requireAgentInSight(context, agentId);
      await chargeHistoryRead(context, await conversationLength(context, userId, agentId));
      const { commands, events } = context.services;
      return exportChat({ commands, events }, { userId, agentId });
    },
  }),
);

builder.queryField("chatImportAgents", (t) =>
  t.field({
    type: [AgentRef],
    description:
      "The agents a chat can be imported into for the person: those they have not talked to yet, by name. A conversation that has begun takes no import.",
    authScopes: { viewer: true },
    args: {
      userId: t.arg.id({ description: "Whose conversations (admins only); the viewer's own when left out." }),
    },
    resolve: async (_root, args, context) => {
      const userId = personOf(context, args.userId == null ? null : String(args.userId));
      await requireNamedPerson(context, userId);
      const db = context.services.readModels;
      await Promise.all([
        context.services.recentWrites.shownAny("agents", "agent", context.signal),
        context.services.recentWrites.shownAny("conversations", "conversation", context.signal),
      ]);
      const [agents, talkedTo] = await Promise.all([
        readModelOr([], () => listAgents(db, {})),
        readModelOr([], () => listAllAgentIdsOfUser(db, { userId })),
      ]);
      const begun = new Set(talkedTo);
      return agents.filter((agent) => !begun.has(agent.id));
    },
  }),
);
