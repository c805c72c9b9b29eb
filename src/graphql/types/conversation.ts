import type { AgentDetail } from "../../../projections/agents/queries.ts";
import { type ConversationView, getConversation } from "../../../projections/conversations/queries.ts";
import { listMessages } from "../../../projections/messages/queries.ts";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import type { ConversationAt } from "../../application/timeTravel.ts";
import type { MoodState } from "../../domain/shared/mood.ts";
import { conversationStreamId } from "../../domain/streamIds.ts";
import { agentAvailability, agentLocalTime } from "../agentClock.ts";
import { builder } from "../builder.ts";
import { viewerOf } from "../context.ts";
import { badInput, forbidden, notFound } from "../errors.ts";
import { requireNamedPerson } from "../namedPerson.ts";
import { pastConversation, pastMessages } from "../pastConversation.ts";
import { AgentRef, loadAgent, visibleToViewer } from "./agent.ts";
import { id, MessageRef } from "./message.ts";
import { AvailabilityRef, enumOf, LocalTimeRef, MoodEnum } from "./shared.ts";

interface ConversationShape {
  userId: string;
  agent: AgentDetail;
  view: ConversationView | null;
  /** Set when the conversation is shown as it was at a point in the past (read-only). */
  past?: ConversationAt | null;
}

const ReplyStatusEnum = enumOf(
  "ReplyStatus",
  ["idle", "streaming", "failed"] as const,
  "Whether a reply is being written, or the last one failed.",
);

const AsOfInputRef = builder.inputType("ConversationAsOfInput", {
  description: "A point in the conversation's past: give exactly one of the two.",
  fields: (t) => ({
    at: t.field({ type: "DateTime", description: "Events that occurred at or before this time." }),
    revision: t.int({ description: "Events up to this revision of the conversation." }),
  }),
});

const PastPointRef = builder.objectRef<ConversationAt>("ConversationAsOf").implement({
  fields: (t) => ({
    revision: t.int({
      description: "The last event that counts (-1 before the first).",
      resolve: (p) => p.revision ?? -1,
    }),
    at: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.occurredAt }),
  }),
});

function pastReplyStatus(past: ConversationAt): "idle" | "streaming" {
  return past.state.unanswered.some((m) => m.status === "replying") ? "streaming" : "idle";
}

const ConversationStateRef = builder.objectRef<ConversationShape>("ConversationState").implement({
  description: "How the agent is toward the viewer right now.",
  fields: (t) => ({
    mood: t.field({ type: MoodEnum, resolve: (c) => moodOf(c).mood }),
    moodIntensity: t.float({ resolve: (c) => moodOf(c).intensity }),
    moodReason: t.string({
      nullable: true,
      resolve: (c) => (c.past ? null : (c.view?.mood?.reason ?? null)),
    }),
    affinity: t.int({
      description: "From -100 (hostile) to 100 (devoted); 0 at the start.",
      resolve: (c) => (c.past ? c.past.affinity : (c.view?.affinity ?? 0)),
    }),
    availability: t.field({
      type: AvailabilityRef,
      resolve: (c, _args, context) =>
        agentAvailability(c.agent, c.agent.scenarios, c.view?.affinity ?? 0, context.services.clock.now()),
    }),
    localTime: t.field({
      type: LocalTimeRef,
      resolve: (c, _args, context) => agentLocalTime(c.agent.identity.timezone, context.services.clock.now()),
    }),
    replyStatus: t.field({
      type: ReplyStatusEnum,
      resolve: (c) => (c.past ? pastReplyStatus(c.past) : (c.view?.replyStatus ?? "idle")),
    }),
    replyId: t.id({ nullable: true, resolve: (c) => (c.past ? null : (c.view?.replyId ?? null)) }),
    unreadCount: t.int({ resolve: (c) => (c.past ? 0 : (c.view?.unreadCount ?? 0)) }),
    revision: t.int({
      description:
        "The conversation's revision this state reflects (-1 before the first message). Subscribe to conversationEvents with afterRevision set to it to get everything after.",
      resolve: (c) => (c.past ? (c.past.revision ?? -1) : (c.view?.revision ?? -1)),
    }),
  }),
});

function moodOf(c: ConversationShape): MoodState {
  if (c.past) return c.past.mood ?? c.agent.moodBaseline;
  return c.view?.mood ? { mood: c.view.mood.mood, intensity: c.view.mood.intensity } : c.agent.moodBaseline;
}

export const ConversationRef = builder.objectRef<ConversationShape>("Conversation").implement({
  description: "The viewer's conversation with one agent.",
  fields: (t) => ({
    agent: t.field({ type: AgentRef, resolve: (c) => c.agent }),
    startedAt: t.field({
      type: "DateTime",
      nullable: true,
      resolve: (c) => (c.past ? c.past.state.startedAt : (c.view?.startedAt ?? null)),
    }),
    asOf: t.field({
      type: PastPointRef,
      nullable: true,
      description: "Set when this is the conversation as it was (read-only): the last event that counts.",
      resolve: (c) => c.past ?? null,
    }),
    state: t.field({ type: ConversationStateRef, resolve: (c) => c }),
    messages: t.connection({
      type: MessageRef,
      description:
        "The active path, newest last. Pass `last` and, to load earlier ones, `before` (a message's cursor). Hidden messages are left out (admins get them, flagged `hidden`).",
      resolve: async (c, args, context) => {
        if (args.first != null || args.after != null)
          throw badInput("Page through messages with `last` and `before` (newest last).");
        if (args.last != null && (args.last < 1 || args.last > 100))
          throw badInput("Ask for between 1 and 100 messages with `last`.");
        const includeHidden = viewerOf(context).role === "admin";
        if (c.past)
          return pastMessages(c.past, { last: args.last ?? 20, before: args.before ?? null, includeHidden });
        // Right after the viewer's own change (a hide, an edit, a branch), the path it left.
        await context.services.recentWrites.shown(
          "messages",
          conversationStreamId(c.userId, c.agent.id),
          context.signal,
        );
        return listMessages(context.services.readModels, {
          userId: c.userId,
          agentId: c.agent.id,
          last: args.last ?? 20,
          before: args.before ?? null,
          includeHidden,
        });
      },
    }),
  }),
});

builder.queryField("conversation", (t) =>
  t.field({
    type: ConversationRef,
    description:
      "The viewer's conversation with this agent; an admin may read another person's by userId (with asOf: as it was then, the admin view's slider). NOT_FOUND for an agent out of sight, and for a userId of no one who signed in (or of someone erased).",
    authScopes: { viewer: true },
    args: {
      agentId: t.arg.id({ required: true }),
      userId: t.arg.id({
        description: "Admin: another person's conversation with the agent (the viewer's own when left out).",
      }),
      asOf: t.arg({
        type: AsOfInputRef,
        description: "The conversation as it was then (its path, mood and affinity), read-only.",
      }),
    },
    resolve: async (_root, args, context) => {
      const viewer = viewerOf(context);
      const userId = args.userId == null ? viewer.userId : id.parse(String(args.userId));
      if (userId !== viewer.userId && viewer.role !== "admin")
        throw forbidden("Only admins may read another person's conversation.");
      await requireNamedPerson(context, userId);
      const agent = await loadAgent(context.services.readModels, id.parse(String(args.agentId)));
      if (!agent || !(await visibleToViewer(context, agent)))
        throw notFound("No such agent; pick one from the list.");
      if (args.asOf) {
        const past = await pastConversation(context, { userId, agentId: agent.id }, args.asOf);
        return { userId, agent, view: null, past };
      }
      const view = await readModelOr(null, () =>
        getConversation(context.services.readModels, { userId, agentId: agent.id }),
      );
      return { userId, agent, view };
    },
  }),
);
