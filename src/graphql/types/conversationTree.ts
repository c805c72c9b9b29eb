import { z } from "zod";
import {
  branchFrom,
  chooseAlternative,
  editMessage,
  hideMessage,
  regenerateReply,
  type TreeChange,
  unhideMessage,
} from "../../application/conversations/conversationTree.ts";
import { MESSAGE_MAX } from "../../domain/conversation/events.ts";
import { charCount } from "../../domain/shared/text.ts";
import { requireAgentInSight } from "../agentInSight.ts";
import { type BuilderTypes, builder } from "../builder.ts";
import { type GraphQLContext, requestMeta, viewerOf } from "../context.ts";
import { id, MessageRef } from "./message.ts";

/** Regenerate, edit, choose, branch and hide: the person's control over the conversation as a tree. */

const clientId = id.regex(/^[\w:.-]+$/, "may hold letters, digits, _ : . and - only");
const text = z
  .string()
  .refine((t) => t.trim().length > 0, "write something before sending")
  .refine((t) => charCount(t.trim()) <= MESSAGE_MAX, `must be at most ${MESSAGE_MAX} characters`);
const clientRequestIdDescription =
  "Chosen by the client (e.g. a UUID); the same id again is a retry and changes nothing twice, the same id for a different request is a CONFLICT.";

type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

function changeFields<Shape extends TreeChange>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>) {
  return {
    leafId: t.id({
      nullable: true,
      description: "The last message of the path now shown.",
      resolve: (c) => c.leafId,
    }),
    revision: t.int({
      description: "The conversation's revision after the change.",
      resolve: (c) => c.revision,
    }),
    duplicate: t.boolean({
      resolve: (c) => c.duplicate,
      description:
        "True when nothing was written: a retry of this request, or the conversation was so already.",
    }),
  };
}

const TreeChangeRef = builder.objectRef<TreeChange>("ConversationPathPayload");
TreeChangeRef.implement({
  description: "Where the conversation's path stands after a change; reload `messages` to show it.",
  fields: (t) => changeFields(t),
});

const RegeneratePayload = builder
  .objectRef<TreeChange & { replyId: string }>("RegenerateReplyPayload")
  .implement({
    fields: (t) => ({
      ...changeFields(t),
      replyId: t.exposeID("replyId", {
        description:
          "The new reply's id: it streams on conversationEvents (ReplyStarted, ReplyDelta, ReplyCompleted).",
      }),
    }),
  });

type Edited = Awaited<ReturnType<typeof editMessage>>;
const EditPayload = builder.objectRef<Edited & { clientMessageId: string }>("EditMessagePayload").implement({
  fields: (t) => ({
    ...changeFields(t),
    message: t.field({
      type: MessageRef,
      description: "The new message, beside the one edited.",
      resolve: (e) => ({
        seq: e.revision,
        cursor: String(e.revision),
        messageId: e.messageId,
        kind: "user" as const,
        role: "user" as const,
        text: e.text,
        status: "sent" as const,
        clientMessageId: e.clientMessageId,
        inReplyTo: null,
        attempt: null,
        createdAt: e.sentAt,
        updatedAt: e.sentAt,
        parentId: e.parentId,
      }),
    }),
    replyId: t.exposeID("replyId", { description: "The id the reply to the new message will stream under." }),
  }),
});

const RegenerateReplyInput = builder.inputType("RegenerateReplyInput", {
  fields: (t) => ({
    agentId: t.id({ required: true }),
    replyId: t.id({ required: true, description: "A finished reply on the path shown." }),
    clientRequestId: t.id({ required: true, description: clientRequestIdDescription }),
  }),
});

const EditMessageInput = builder.inputType("EditMessageInput", {
  fields: (t) => ({
    agentId: t.id({ required: true }),
    messageId: t.id({ required: true, description: "One of the viewer's own messages on the path shown." }),
    text: t.string({ required: true, description: `1 to ${MESSAGE_MAX} characters.` }),
    clientMessageId: t.id({
      required: true,
      description: "As for sendMessage: the same id again is a retry, never a second message.",
    }),
  }),
});

const MessageRequestInput = builder.inputType("ConversationMessageRequestInput", {
  fields: (t) => ({
    agentId: t.id({ required: true }),
    messageId: t.id({ required: true }),
    clientRequestId: t.id({ required: true, description: clientRequestIdDescription }),
  }),
});

const messageRequest = z.object({ agentId: id, messageId: id, clientRequestId: clientId });

function servicesOf(context: GraphQLContext) {
  const { commands, events, bus } = context.services;
  return { commands, events, bus };
}

builder.mutationField("regenerateReply", (t) =>
  t.field({
    type: RegeneratePayload,
    description:
      "Writes a new reply beside a finished one (same message answered) and shows it; the old one stays as an alternative. A hidden reply can be written again (it stays hidden): that answers anew a message whose reply was hidden.",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: RegenerateReplyInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = z.object({ agentId: id, replyId: id, clientRequestId: clientId }).parse(args.input);
      await requireAgentInSight(context, input.agentId);
      const userId = viewerOf(context).userId;
      return regenerateReply(servicesOf(context), { ...input, userId }, requestMeta(context));
    },
  }),
);

builder.mutationField("editMessage", (t) =>
  t.field({
    type: EditPayload,
    description:
      "Sends new text beside one of the viewer's messages (the original stays as an alternative); the agent answers it.",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: EditMessageInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = z
        .object({ agentId: id, messageId: id, text, clientMessageId: clientId })
        .parse(args.input);
      await requireAgentInSight(context, input.agentId);
      const userId = viewerOf(context).userId;
      const edited = await editMessage(servicesOf(context), { ...input, userId }, requestMeta(context));
      return { ...edited, clientMessageId: input.clientMessageId };
    },
  }),
);

const treeMutations = {
  chooseAlternative: {
    run: chooseAlternative,
    description:
      "Shows another alternative of a message on the path (another reply, or another version of an edited message), with its branch as it was left.",
  },
  branchFrom: {
    run: branchFrom,
    description:
      "Continues the conversation from any of its messages: the path ends there and the next message follows it. From one of the viewer's own messages, the agent answers it again beside its earlier answer.",
  },
  hideMessage: {
    run: hideMessage,
    description:
      "Hides a message from the viewer and from what the agent is given; it stays in the log (admins see it flagged). Undo with unhideMessage.",
  },
  unhideMessage: { run: unhideMessage, description: "Shows a hidden message again." },
} as const;

for (const [name, { run, description }] of Object.entries(treeMutations))
  builder.mutationField(name, (t) =>
    t.field({
      type: TreeChangeRef,
      description,
      authScopes: { viewer: true },
      args: { input: t.arg({ type: MessageRequestInput, required: true }) },
      resolve: (_root, args, context) => {
        const input = messageRequest.parse(args.input);
        const userId = viewerOf(context).userId;
        return run(servicesOf(context), { ...input, userId }, requestMeta(context));
      },
    }),
  );
