import type { AgentDetail } from "../../../projections/agents/queries.ts";
import { type ConversationView, getConversation } from "../../../projections/conversations/queries.ts";
import { listMessages } from "../../../projections/messages/queries.ts";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import type { MoodState } from "../../domain/shared/mood.ts";
import { agentAvailability, agentLocalTime } from "../agentClock.ts";
import { builder } from "../builder.ts";
import { viewerOf } from "../context.ts";
import { badInput, notFound } from "../errors.ts";
import { AgentRef, loadAgent } from "./agent.ts";
import { MessageRef } from "./message.ts";
import { AvailabilityRef, enumOf, LocalTimeRef, MoodEnum } from "./shared.ts";

interface ConversationShape {
  userId: string;
  agent: AgentDetail;
  view: ConversationView | null;
}

const ReplyStatusEnum = enumOf(
  "ReplyStatus",
  ["idle", "streaming", "failed"] as const,
  "Whether a reply is being written, or the last one failed.",
);

const ConversationStateRef = builder.objectRef<ConversationShape>("ConversationState").implement({
  description: "How the agent is toward the viewer right now.",
  fields: (t) => ({
    mood: t.field({ type: MoodEnum, resolve: (c) => moodOf(c).mood }),
    moodIntensity: t.float({ resolve: (c) => moodOf(c).intensity }),
    moodReason: t.string({ nullable: true, resolve: (c) => c.view?.mood?.reason ?? null }),
    affinity: t.int({
      description: "From -100 (hostile) to 100 (devoted); 0 at the start.",
      resolve: (c) => c.view?.affinity ?? 0,
    }),
    availability: t.field({
      type: AvailabilityRef,
      resolve: (c, _args, context) =>
        agentAvailability(
          c.agent.identity,
          c.agent.scenarios,
          c.view?.affinity ?? 0,
          context.services.clock.now(),
        ),
    }),
    localTime: t.field({
      type: LocalTimeRef,
      resolve: (c, _args, context) => agentLocalTime(c.agent.identity.timezone, context.services.clock.now()),
    }),
    replyStatus: t.field({ type: ReplyStatusEnum, resolve: (c) => c.view?.replyStatus ?? "idle" }),
    replyId: t.id({ nullable: true, resolve: (c) => c.view?.replyId ?? null }),
    unreadCount: t.int({ resolve: (c) => c.view?.unreadCount ?? 0 }),
    revision: t.int({
      description:
        "The conversation's revision this state reflects (-1 before the first message). Subscribe to conversationEvents with afterRevision set to it to get everything after.",
      resolve: (c) => c.view?.revision ?? -1,
    }),
  }),
});

function moodOf(c: ConversationShape): MoodState {
  return c.view?.mood ? { mood: c.view.mood.mood, intensity: c.view.mood.intensity } : c.agent.moodBaseline;
}

export const ConversationRef = builder.objectRef<ConversationShape>("Conversation").implement({
  description: "The viewer's conversation with one agent.",
  fields: (t) => ({
    agent: t.field({ type: AgentRef, resolve: (c) => c.agent }),
    startedAt: t.field({ type: "DateTime", nullable: true, resolve: (c) => c.view?.startedAt ?? null }),
    state: t.field({ type: ConversationStateRef, resolve: (c) => c }),
    messages: t.connection({
      type: MessageRef,
      description:
        "The active path, newest last. Pass `last` and, to load earlier ones, `before` (a message's cursor). Hidden messages are left out (admins get them, flagged `hidden`).",
      resolve: (c, args, context) => {
        if (args.first != null || args.after != null)
          throw badInput("Page through messages with `last` and `before` (newest last).");
        if (args.last != null && (args.last < 1 || args.last > 100))
          throw badInput("Ask for between 1 and 100 messages with `last`.");
        return listMessages(context.services.readModels, {
          userId: c.userId,
          agentId: c.agent.id,
          last: args.last ?? 20,
          before: args.before ?? null,
          includeHidden: viewerOf(context).role === "admin",
        });
      },
    }),
  }),
});

builder.queryField("conversation", (t) =>
  t.field({
    type: ConversationRef,
    description: "The viewer's conversation with this agent (always the viewer's own).",
    authScopes: { viewer: true },
    args: { agentId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const userId = viewerOf(context).userId;
      const agent = await loadAgent(context.services.readModels, String(args.agentId));
      if (!agent) throw notFound("No such agent; pick one from the list.");
      const view = await readModelOr(null, () =>
        getConversation(context.services.readModels, { userId, agentId: agent.id }),
      );
      return { userId, agent, view };
    },
  }),
);
