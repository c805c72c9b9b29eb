import { z } from "zod";
import { type AffinityPoint, listAffinityDeltas } from "../../../projections/affinity_deltas/queries.ts";
import { getAgent, type LifeEventView } from "../../../projections/agents/queries.ts";
import {
  type ConversationView,
  listConversationsForAgent,
} from "../../../projections/conversations/queries.ts";
import { listMoodHistory, type MoodPoint } from "../../../projections/mood_history/queries.ts";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import { builder } from "../builder.ts";
import { requireNamedPerson } from "../namedPerson.ts";
import { id } from "./message.ts";
import { MoodEnum } from "./shared.ts";

/** For operators: who talks to an agent, and how mood and affinity moved, from the read models. */

const ConversationSummaryRef = builder.objectRef<ConversationView>("ConversationSummary").implement({
  description: "A conversation as the conversations read model has it.",
  fields: (t) => ({
    streamId: t.exposeString("streamId"),
    userId: t.exposeID("userId"),
    agentId: t.exposeID("agentId"),
    startedAt: t.field({ type: "DateTime", resolve: (c) => c.startedAt }),
    lastMessageAt: t.field({ type: "DateTime", nullable: true, resolve: (c) => c.lastMessage?.at ?? null }),
    affinity: t.exposeInt("affinity"),
    messageCount: t.exposeInt("messageCount"),
  }),
});

const MoodPointRef = builder.objectRef<MoodPoint>("MoodPoint").implement({
  description: "A mood shift: to which mood and how strongly, and why.",
  fields: (t) => ({
    at: t.field({ type: "DateTime", resolve: (p) => p.at }),
    mood: t.field({ type: MoodEnum, resolve: (p) => p.mood }),
    intensity: t.exposeFloat("intensity"),
    reason: t.exposeString("reason"),
    revision: t.exposeInt("revision"),
  }),
});

const AffinityPointRef = builder.objectRef<AffinityPoint>("AffinityPoint").implement({
  description: "An affinity change: by how much, to what, and why.",
  fields: (t) => ({
    at: t.field({ type: "DateTime", resolve: (p) => p.at }),
    delta: t.exposeInt("delta"),
    value: t.exposeInt("value"),
    reason: t.exposeString("reason"),
    revision: t.exposeInt("revision"),
  }),
});

const HistoryRef = builder
  .objectRef<{ mood: MoodPoint[]; affinity: AffinityPoint[] }>("ConversationHistory")
  .implement({
    description:
      "Mood and affinity over time, oldest first (the mood_history and affinity_deltas read models).",
    fields: (t) => ({
      mood: t.field({ type: [MoodPointRef], resolve: (h) => h.mood }),
      affinity: t.field({ type: [AffinityPointRef], resolve: (h) => h.affinity }),
    }),
  });

const LifeEventRef = builder.objectRef<LifeEventView>("LifeEvent").implement({
  description: "Something that happened in an agent's life.",
  fields: (t) => ({
    lifeEventId: t.exposeID("lifeEventId"),
    kind: t.exposeString("kind"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    localTime: t.exposeString("localTime", { description: "The agent's wall clock, YYYY-MM-DDTHH:MM." }),
    occurredAt: t.field({ type: "DateTime", resolve: (e) => e.occurredAt }),
    mood: t.field({ type: MoodEnum, nullable: true, resolve: (e) => e.moodImpact?.mood ?? null }),
    moodIntensity: t.float({ nullable: true, resolve: (e) => e.moodImpact?.intensity ?? null }),
  }),
});

builder.queryField("conversationsWithAgent", (t) =>
  t.field({
    type: [ConversationSummaryRef],
    description: "Admin: everyone talking to an agent, most recent message first.",
    authScopes: { admin: true },
    args: {
      agentId: t.arg.id({ required: true }),
      limit: t.arg.int({ defaultValue: 50, description: "At most 200." }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: (_root, args, context) => {
      const input = z
        .object({ agentId: id, limit: z.number().int().min(1).max(200), offset: z.number().int().min(0) })
        .parse(args);
      return readModelOr([], () => listConversationsForAgent(context.services.readModels, input));
    },
  }),
);

builder.queryField("conversationHistory", (t) =>
  t.field({
    type: HistoryRef,
    description:
      "Admin: mood and affinity over time in one person's conversation with an agent. NOT_FOUND for a userId of no one who signed in (or of someone erased).",
    authScopes: { admin: true },
    args: { userId: t.arg.id({ required: true }), agentId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const input = z.object({ userId: id, agentId: id }).parse(args);
      await requireNamedPerson(context, input.userId);
      const [mood, affinity] = await Promise.all([
        readModelOr([], () => listMoodHistory(context.services.readModels, input)),
        readModelOr([], () => listAffinityDeltas(context.services.readModels, input)),
      ]);
      return { mood, affinity };
    },
  }),
);

builder.queryField("agentLifeEvents", (t) =>
  t.field({
    type: [LifeEventRef],
    description: "Admin: an agent's latest life events, newest first.",
    authScopes: { admin: true },
    args: {
      agentId: t.arg.id({ required: true }),
      limit: t.arg.int({ defaultValue: 20, description: "At most 100." }),
    },
    resolve: async (_root, args, context) => {
      const input = z.object({ agentId: id, limit: z.number().int().min(1).max(100) }).parse(args);
      const agent = await readModelOr(null, () =>
        getAgent(context.services.readModels, { id: input.agentId, lifeEvents: input.limit }),
      );
      return agent?.recentLifeEvents ?? [];
    },
  }),
);
