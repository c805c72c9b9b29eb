import { z } from "zod";
import { listMemoryFacts } from "../../../projections/memory_facts/queries.ts";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import {
  type ChangedMemory,
  correctMemory,
  forgetMemory,
} from "../../application/conversations/memoryCorrections.ts";
import { MEMORY_FACT_MAX, memoryFactKinds } from "../../domain/conversation/events.ts";
import { charCount } from "../../domain/shared/text.ts";
import { conversationStreamId } from "../../domain/streamIds.ts";
import { requireAgentInSight } from "../agentInSight.ts";
import { builder } from "../builder.ts";
import { type GraphQLContext, requestMeta, viewerOf } from "../context.ts";
import { forbidden } from "../errors.ts";
import { requireNamedPerson } from "../namedPerson.ts";
import { id } from "./message.ts";
import { enumOf } from "./shared.ts";

/** What an agent remembers about a person: they see and correct their own; operators, anyone's. */

const MemoryKindEnum = enumOf(
  "MemoryKind",
  memoryFactKinds,
  "What a remembered fact is about: a person or pet in their life, a place, work, a date, a preference, health, a plan, or something else.",
);

const MemoryRef = builder.objectRef<ChangedMemory>("Memory").implement({
  description: "A fact the agent remembers about the person, and the messages it was taken from.",
  fields: (t) => ({
    id: t.exposeID("id"),
    text: t.exposeString("text"),
    kind: t.field({ type: MemoryKindEnum, resolve: (m) => m.kind }),
    recordedAt: t.field({ type: "DateTime", resolve: (m) => m.recordedAt }),
    correctedAt: t.field({ type: "DateTime", nullable: true, resolve: (m) => m.correctedAt }),
    sourceMessageIds: t.exposeIDList("sourceMessageIds"),
    sourceMessageId: t.id({
      nullable: true,
      description: "The message it was first taken from, to link to.",
      resolve: (m) => m.sourceMessageIds[0] ?? null,
    }),
  }),
});

/** Whose memories: the viewer's own, or (for an operator) the person named. */
function personOf(context: GraphQLContext, userId: string | null | undefined) {
  const viewer = viewerOf(context);
  if (!userId || userId === viewer.userId) return { userId: viewer.userId, by: "person" as const };
  if (viewer.role !== "admin")
    throw forbidden("You can only see and change what is remembered about you; leave out userId.");
  return { userId, by: "admin" as const };
}

const memoryText = z
  .string()
  .transform((text) => text.trim())
  .refine((text) => text.length > 0, "write what should be remembered")
  .refine((text) => charCount(text) <= MEMORY_FACT_MAX, `must be at most ${MEMORY_FACT_MAX} characters`);

builder.queryField("memories", (t) =>
  t.field({
    type: [MemoryRef],
    description:
      "What the agent remembers about the viewer on the path shown, oldest first: facts drawn from messages on another branch, or hidden, are left out, as the agent does not recall them there. Operators may name another person with userId. NOT_FOUND for an agent that does not exist, and for a userId of no one who signed in (or of someone erased).",
    authScopes: { viewer: true },
    args: {
      agentId: t.arg.id({ required: true }),
      userId: t.arg.id({ description: "Admin only." }),
      allBranches: t.arg.boolean({
        defaultValue: false,
        description:
          "Also the facts drawn from messages on other branches or hidden, to correct or forget them.",
      }),
    },
    resolve: async (_root, args, context) => {
      const input = z
        .object({ agentId: id, userId: id.nullish(), allBranches: z.boolean().nullish() })
        .parse(args);
      const { userId } = personOf(context, input.userId);
      await requireNamedPerson(context, userId);
      await requireAgentInSight(context, input.agentId);
      const streamId = conversationStreamId(userId, input.agentId);
      await context.services.recentWrites.shown("memory_facts", streamId, context.signal);
      return readModelOr([], () =>
        listMemoryFacts(context.services.readModels, {
          userId,
          agentId: input.agentId,
          allBranches: input.allBranches ?? false,
        }),
      );
    },
  }),
);

const CorrectMemoryInput = builder.inputType("CorrectMemoryInput", {
  fields: (t) => ({
    agentId: t.id({ required: true }),
    memoryId: t.id({ required: true }),
    text: t.string({ required: true, description: `1 to ${MEMORY_FACT_MAX} characters.` }),
    userId: t.id({ description: "Admin only: whose memory." }),
  }),
});

const ForgetMemoryInput = builder.inputType("ForgetMemoryInput", {
  fields: (t) => ({
    agentId: t.id({ required: true }),
    memoryId: t.id({ required: true }),
    userId: t.id({ description: "Admin only: whose memory." }),
  }),
});

const ForgetMemoryPayload = builder.objectRef<{ memoryId: string }>("ForgetMemoryPayload").implement({
  fields: (t) => ({ memoryId: t.exposeID("memoryId") }),
});

builder.mutationField("correctMemory", (t) =>
  t.field({
    type: MemoryRef,
    description: "Rewrites what the agent remembers; the new wording is what it recalls from now on.",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: CorrectMemoryInput, required: true }) },
    resolve: (_root, args, context) => {
      const input = z
        .object({ agentId: id, memoryId: id, text: memoryText, userId: id.nullish() })
        .parse(args.input);
      const person = personOf(context, input.userId);
      return correctMemory(
        context.services.commands,
        { ...person, agentId: input.agentId, memoryId: input.memoryId, text: input.text },
        requestMeta(context),
      );
    },
  }),
);

builder.mutationField("forgetMemory", (t) =>
  t.field({
    type: ForgetMemoryPayload,
    description:
      "The agent forgets the fact: it is gone from the list and from recall at once. Forgetting it again answers the same.",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: ForgetMemoryInput, required: true }) },
    resolve: (_root, args, context) => {
      const input = z.object({ agentId: id, memoryId: id, userId: id.nullish() }).parse(args.input);
      const person = personOf(context, input.userId);
      return forgetMemory(
        context.services.commands,
        { ...person, agentId: input.agentId, memoryId: input.memoryId },
        requestMeta(context),
      );
    },
  }),
);
