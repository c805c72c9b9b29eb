import { z } from "zod";
import { archiveAgent, unarchiveAgent } from "../../application/agents/archiveAgent.ts";
import { LIMITS } from "../../domain/agent/schemas.ts";
import { builder } from "../builder.ts";
import { requestMeta } from "../context.ts";
import { AgentRef, loadAgentAsWritten } from "./agent.ts";
import { id } from "./message.ts";

interface ArchiveAgentPayloadShape {
  agentId: string;
}

const payload = (name: string, done: string, state: string) =>
  builder.objectRef<ArchiveAgentPayloadShape>(name).implement({
    description: `The same answer whether this call ${done} the agent or an earlier one had.`,
    fields: (t) => ({
      agent: t.field({
        type: AgentRef,
        nullable: true,
        description: `The agent as the read model has it, ${state}.`,
        resolve: (p, _args, context) => loadAgentAsWritten(context, p.agentId),
      }),
      agentId: t.exposeID("agentId"),
    }),
  });

const ArchiveAgentPayload = payload("ArchiveAgentPayload", "archived", "archived");
const UnarchiveAgentPayload = payload("UnarchiveAgentPayload", "unarchived", "active");

const UnarchiveAgentInput = builder.inputType("UnarchiveAgentInput", {
  fields: (t) => ({ agentId: t.id({ required: true }) }),
});

const ArchiveAgentInput = builder.inputType("ArchiveAgentInput", {
  fields: (t) => ({
    agentId: t.id({ required: true }),
    reason: t.string({ description: "Why the agent leaves, kept with the archiving." }),
  }),
});

builder.mutationFields((t) => ({
  archiveAgent: t.field({
    type: ArchiveAgentPayload,
    description:
      "Archives an agent: it takes no new messages and no edits (until unarchiveAgent), and only people with a conversation with it still see it. Archiving an archived agent changes nothing and answers the same.",
    authScopes: { admin: true },
    args: { input: t.arg({ type: ArchiveAgentInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = z
        .object({
          agentId: id,
          reason: z.string().max(LIMITS.reason).nullish(),
        })
        .parse(args.input);
      await archiveAgent(context.services, input, requestMeta(context));
      return { agentId: input.agentId };
    },
  }),
  unarchiveAgent: t.field({
    type: UnarchiveAgentPayload,
    description:
      "Brings an archived agent back: it takes messages and edits again, and everyone sees it. Unarchiving an agent that is not archived changes nothing and answers the same.",
    authScopes: { admin: true },
    args: { input: t.arg({ type: UnarchiveAgentInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = z.object({ agentId: id }).parse(args.input);
      await unarchiveAgent(context.services, input, requestMeta(context));
      return { agentId: input.agentId };
    },
  }),
}));
