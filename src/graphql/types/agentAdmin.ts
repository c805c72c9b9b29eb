import { z } from "zod";
import { agentIdForRequest, createAgent } from "../../application/agents/createAgent.ts";
import { generateAgent } from "../../application/agents/generateAgent.ts";
import { addScenario, retireScenario } from "../../application/agents/scenarios.ts";
import { regenerateBasePortrait, updateAgent } from "../../application/agents/updateAgent.ts";
import { LIMITS } from "../../domain/agent/schemas.ts";
import { builder } from "../builder.ts";
import { type GraphQLContext, requestMeta } from "../context.ts";
import { AgentRef, loadAgentAsWritten } from "./agent.ts";
import {
  appearanceSchema,
  IdentityInput,
  identitySchema,
  MoodStateInput,
  moodSchema,
  PersonaInput,
  personaSchema,
  ScenarioWindowInput,
  windowSchema,
} from "./agentInputs.ts";
import { CLIENT_REQUEST_ID_DESCRIPTION, clientRequestId } from "./clientRequestId.ts";
import { id } from "./message.ts";

interface AgentPayloadShape {
  agentId: string;
  basePortraitJobId: string | null;
  scenarioId?: string;
}

const AgentPayload = builder.objectRef<AgentPayloadShape>("AgentPayload").implement({
  fields: (t) => ({
    agent: t.field({
      type: AgentRef,
      nullable: true,
      description: "The agent as the read model has it, with this change.",
      resolve: (p, _args, context) => loadAgentAsWritten(context, p.agentId),
    }),
    agentId: t.exposeID("agentId"),
    basePortraitJobId: t.exposeID("basePortraitJobId", {
      nullable: true,
      description: "The image job drawing a new base portrait, when one was queued.",
    }),
    scenarioId: t.id({ nullable: true, resolve: (p) => p.scenarioId ?? null }),
  }),
});

const deps = (context: GraphQLContext) => ({
  commands: context.services.commands,
  basePortraits: context.services.basePortraits,
  generator: context.services.agentGenerator,
});
const name = z.string().trim().min(1, "must not be empty").max(LIMITS.name);

const CreateAgentInput = builder.inputType("CreateAgentInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    persona: t.field({ type: PersonaInput, required: true }),
    identity: t.field({ type: IdentityInput, required: true }),
    appearancePrompt: t.string({ required: true, description: "What the agent looks like, for portraits." }),
    moodBaseline: t.field({ type: MoodStateInput }),
    clientRequestId: t.id({ description: CLIENT_REQUEST_ID_DESCRIPTION }),
  }),
});

const GenerateAgentInput = builder.inputType("GenerateAgentInput", {
  fields: (t) => ({
    prompt: t.string({
      required: true,
      description: 'Who the agent is, e.g. "a cheerful barista in Lisbon who surfs".',
    }),
    appearancePrompt: t.string({ required: true }),
    name: t.string({ description: "Picked from the prompt when left out." }),
    identity: t.field({ type: IdentityInput, description: "Picked from the prompt when left out." }),
    clientRequestId: t.id({ description: CLIENT_REQUEST_ID_DESCRIPTION }),
  }),
});

const UpdateAgentInput = builder.inputType("UpdateAgentInput", {
  description: "Only the parts given change.",
  fields: (t) => ({
    agentId: t.id({ required: true }),
    name: t.string(),
    persona: t.field({ type: PersonaInput }),
    identity: t.field({ type: IdentityInput }),
    appearancePrompt: t.string({ description: "A new appearance also queues a new base portrait." }),
  }),
});

const AddScenarioInput = builder.inputType("AddScenarioInput", {
  fields: (t) => ({
    agentId: t.id({ required: true }),
    title: t.string({ required: true }),
    description: t.string({ required: true }),
    window: t.field({ type: ScenarioWindowInput, required: true }),
  }),
});

const RetireScenarioInput = builder.inputType("RetireScenarioInput", {
  fields: (t) => ({
    agentId: t.id({ required: true }),
    scenarioId: t.id({ required: true }),
    reason: t.string(),
  }),
});

const admin = { admin: true } as const;

builder.mutationFields((t) => ({
  createAgent: t.field({
    type: AgentPayload,
    authScopes: admin,
    args: { input: t.arg({ type: CreateAgentInput, required: true }) },
    resolve: (_root, args, context) => {
      const { clientRequestId: key, ...input } = z
        .object({
          name,
          persona: personaSchema,
          identity: identitySchema,
          appearancePrompt: appearanceSchema,
          moodBaseline: moodSchema.nullish(),
          clientRequestId,
        })
        .parse(args.input);
      const meta = requestMeta(context);
      const agentId = agentIdForRequest("create-agent", meta, key, JSON.stringify(input));
      return createAgent(deps(context), input, meta, "manual", agentId, Boolean(key));
    },
  }),
  generateAgent: t.field({
    type: AgentPayload,
    description:
      "Fills in the persona from a prompt (a template-based generator until a model-based one is set up).",
    authScopes: admin,
    args: { input: t.arg({ type: GenerateAgentInput, required: true }) },
    resolve: (_root, args, context) => {
      const { clientRequestId: key, ...input } = z
        .object({
          prompt: z.string().trim().min(3).max(2000),
          appearancePrompt: appearanceSchema,
          name: name.nullish(),
          identity: identitySchema.nullish(),
          clientRequestId,
        })
        .parse(args.input);
      return generateAgent(deps(context), input, requestMeta(context), key);
    },
  }),
  updateAgent: t.field({
    type: AgentPayload,
    authScopes: admin,
    args: { input: t.arg({ type: UpdateAgentInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = z
        .object({
          agentId: id,
          name: name.nullish(),
          persona: personaSchema.nullish(),
          identity: identitySchema.nullish(),
          appearancePrompt: appearanceSchema.nullish(),
        })
        .parse(args.input);
      const result = await updateAgent(deps(context), input, requestMeta(context));
      return { agentId: input.agentId, basePortraitJobId: result.basePortraitJobId };
    },
  }),
  regenerateBasePortrait: t.field({
    type: AgentPayload,
    description: "Queues a new base portrait from the agent's appearance prompt.",
    authScopes: admin,
    args: { agentId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const agentId = id.parse(String(args.agentId));
      const jobId = await regenerateBasePortrait(deps(context), agentId, requestMeta(context));
      return { agentId, basePortraitJobId: jobId };
    },
  }),
  addScenario: t.field({
    type: AgentPayload,
    authScopes: admin,
    args: { input: t.arg({ type: AddScenarioInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = z
        .object({ agentId: id, title: z.string(), description: z.string(), window: windowSchema })
        .parse(args.input);
      const scenarioId = await addScenario(deps(context), input, requestMeta(context));
      return { agentId: input.agentId, basePortraitJobId: null, scenarioId };
    },
  }),
  retireScenario: t.field({
    type: AgentPayload,
    authScopes: admin,
    args: { input: t.arg({ type: RetireScenarioInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = z
        .object({ agentId: id, scenarioId: id, reason: z.string().max(LIMITS.reason).nullish() })
        .parse(args.input);
      await retireScenario(deps(context), input, requestMeta(context));
      return { agentId: input.agentId, basePortraitJobId: null, scenarioId: input.scenarioId };
    },
  }),
}));
