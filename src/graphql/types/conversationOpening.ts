import { z } from "zod";
import { openConversation } from "../../application/conversations/openConversation.ts";
import { requireAgentInSight } from "../agentInSight.ts";
import { builder } from "../builder.ts";
import { requestMeta, viewerOf } from "../context.ts";
import { id } from "./message.ts";

interface OpenedShape {
  agentId: string;
  greetingId: string | null;
}

const OpenConversationPayload = builder.objectRef<OpenedShape>("OpenConversationPayload").implement({
  fields: (t) => ({
    agentId: t.exposeID("agentId"),
    greetingId: t.exposeID("greetingId", {
      nullable: true,
      description: "The agent's greeting, written now; null when the conversation had already started.",
    }),
  }),
});

builder.mutationField("openConversation", (t) =>
  t.field({
    type: OpenConversationPayload,
    description:
      "Opens the viewer's conversation with an agent; the first time, the agent greets them (it arrives on conversationEvents).",
    authScopes: { viewer: true },
    args: { agentId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const agentId = z.string().pipe(id).parse(String(args.agentId));
      await requireAgentInSight(context, agentId);
      const opened = await openConversation(
        { commands: context.services.commands },
        { userId: viewerOf(context).userId, agentId },
        requestMeta(context),
      );
      return { agentId, greetingId: opened.greetingId };
    },
  }),
);
