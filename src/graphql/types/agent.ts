import {
  type AgentDetail,
  type AgentView,
  getAgent,
  listAgents,
  type ScenarioView,
} from "../../../projections/agents/queries.ts";
import { getConversation } from "../../../projections/conversations/queries.ts";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import { agentStreamId } from "../../domain/streamIds.ts";
import { agentAvailability, agentLocalTime } from "../agentClock.ts";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { viewableUrl, viewLinkDescription } from "../mediaLinks.ts";
import { id } from "./message.ts";
import { AvailabilityRef, enumOf, LocalTimeRef, MoodStateRef } from "./shared.ts";

export type AgentShape = AgentView & { scenarios?: ScenarioView[] };

const PersonaRef = builder.objectRef<AgentView["persona"]>("Persona").implement({
  fields: (t) => ({
    summary: t.exposeString("summary"),
    traits: t.exposeStringList("traits"),
    speakingStyle: t.exposeString("speakingStyle"),
    backstory: t.exposeString("backstory"),
    interests: t.exposeStringList("interests"),
    selfDescribesAsAI: t.exposeBoolean("selfDescribesAsAI"),
  }),
});

const IdentityRef = builder.objectRef<AgentView["identity"]>("Identity").implement({
  fields: (t) => ({
    homeCity: t.exposeString("homeCity"),
    country: t.exposeString("country", { nullable: true }),
    occupation: t.exposeString("occupation"),
    timezone: t.exposeString("timezone", { description: "IANA time zone: the agent's local clock." }),
    hemisphere: t.exposeString("hemisphere"),
    latitude: t.exposeFloat("latitude", { nullable: true }),
  }),
});

const ScenarioRef = builder.objectRef<ScenarioView>("Scenario").implement({
  description: "A stretch of time when the agent is busy.",
  fields: (t) => ({
    id: t.exposeID("scenarioId"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    active: t.boolean({ resolve: (s) => s.status === "active" }),
    window: t.field({
      type: "JSON",
      description: "Weekly {days, start, end} or once {startsAt, endsAt}.",
      resolve: (s) => s.window,
    }),
    addedAt: t.field({ type: "DateTime", resolve: (s) => s.addedAt }),
  }),
});

const AgentStatusEnum = enumOf(
  "AgentStatus",
  ["active", "archived"] as const,
  "Archived agents take no new messages.",
);
const AgentSourceEnum = enumOf(
  "AgentSource",
  ["manual", "generated", "card"] as const,
  "How the agent was made: by hand, drafted by a model, or imported from a character card.",
);

export const AgentRef = builder.objectRef<AgentShape>("Agent").implement({
  description: "A persona people talk to.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    persona: t.field({ type: PersonaRef, resolve: (a) => a.persona }),
    identity: t.field({ type: IdentityRef, resolve: (a) => a.identity }),
    appearancePrompt: t.exposeString("appearancePrompt"),
    moodBaseline: t.field({ type: MoodStateRef, resolve: (a) => a.moodBaseline }),
    basePortraitUrl: t.string({
      nullable: true,
      description: viewLinkDescription("portrait"),
      resolve: (a, _args, context) => viewableUrl(context, a.basePortrait?.url),
    }),
    status: t.field({ type: AgentStatusEnum, resolve: (a) => a.status }),
    source: t.field({ type: AgentSourceEnum, resolve: (a) => a.source }),
    createdAt: t.field({ type: "DateTime", resolve: (a) => a.createdAt }),
    localTime: t.field({
      type: LocalTimeRef,
      resolve: (a, _args, context) => agentLocalTime(a.identity.timezone, context.services.clock.now()),
    }),
    availability: t.field({
      type: AvailabilityRef,
      description: "Toward someone new; a conversation's state gives it for the viewer.",
      resolve: async (a, _args, context) =>
        agentAvailability(
          a,
          await scenariosOf(a, context.services.readModels),
          0,
          context.services.clock.now(),
        ),
    }),
    scenarios: t.field({
      type: [ScenarioRef],
      authScopes: { admin: true },
      resolve: async (a, _args, context) => scenariosOf(a, context.services.readModels),
    }),
    revision: t.exposeInt("revision", { description: "The agent stream's revision this view reflects." }),
  }),
});

async function scenariosOf(agent: AgentShape, db: Parameters<typeof getAgent>[0]): Promise<ScenarioView[]> {
  if (agent.scenarios) return agent.scenarios;
  if (agent.activeScenarioCount === 0) return [];
  return (await getAgent(db, { id: agent.id, lifeEvents: 1 }))?.scenarios ?? [];
}

/** An agent with its scenarios, or null when there is none with this id. */
export function loadAgent(db: Parameters<typeof getAgent>[0], id: string): Promise<AgentDetail | null> {
  return readModelOr(null, () => getAgent(db, { id, lifeEvents: 1 }));
}

/**
 * The agent once the read model shows this process's latest write to it, so a mutation's payload
 * (a created, imported or edited agent) and the read right after it show the change.
 */
export async function loadAgentAsWritten(context: GraphQLContext, id: string): Promise<AgentDetail | null> {
  await context.services.recentWrites.shown("agents", agentStreamId(id), context.signal);
  return loadAgent(context.services.readModels, id);
}

builder.queryField("agents", (t) =>
  t.field({
    type: [AgentRef],
    description:
      "Agents to talk to, by name. With includeArchived, archived ones too: every one for admins, for anyone else those they have a conversation with.",
    authScopes: { viewer: true },
    args: { includeArchived: t.arg.boolean({ defaultValue: false }) },
    resolve: async (_root, args, context) => {
      await context.services.recentWrites.shownAny("agents", "agent", context.signal);
      const admin = context.viewer?.role === "admin";
      const archived = Boolean(args.includeArchived);
      return readModelOr([], () =>
        listAgents(context.services.readModels, {
          includeArchived: archived && admin,
          ...(archived && !admin && context.viewer ? { talkedToBy: context.viewer.userId } : {}),
        }),
      );
    },
  }),
);

builder.queryField("agent", (t) =>
  t.field({
    type: AgentRef,
    nullable: true,
    description:
      "One agent, or null when there is none with this id (or it is archived and the viewer, not an admin, never talked with it).",
    authScopes: { viewer: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const agent = await loadAgentAsWritten(context, id.parse(String(args.id)));
      return agent && (await visibleToViewer(context, agent)) ? agent : null;
    },
  }),
);

/**
 * Whether the viewer may see the agent: an archived one only an admin, or someone with a
 * conversation with it (their history stays readable; others do not learn it existed).
 */
export async function visibleToViewer(context: GraphQLContext, agent: AgentDetail): Promise<boolean> {
  if (agent.status === "active" || context.viewer?.role === "admin") return true;
  if (!context.viewer) return false;
  const { userId } = context.viewer;
  const talked = await readModelOr(null, () =>
    getConversation(context.services.readModels, { userId, agentId: agent.id }),
  );
  return talked !== null;
}
