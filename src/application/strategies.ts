import type { ReplyModel } from "../ports/replyModel.ts";
import type { AgentGenerator } from "./agents/agentGenerator.ts";
import { modelAgentGenerator } from "./agents/modelAgentGenerator.ts";
import { templateAgentGenerator } from "./agents/templateAgentGenerator.ts";
import { type Appraiser, modelAppraiser, ruleAppraiser } from "./appraisal/modelAppraisal.ts";
import {
  type MemorySummaryWriter,
  modelSummaryWriter,
  ruleSummaryWriter,
} from "./engine/memorySummaryWriter.ts";
import { modelReplyComposer, type ReplyComposer } from "./engine/replyComposer.ts";
import {
  type InitiationTextWriter,
  modelInitiationWriter,
  templateInitiationWriter,
} from "./life/initiationText.ts";
import {
  type LifeEventWriter,
  modelLifeEventWriter,
  templateLifeEventWriter,
} from "./life/lifeEventWriter.ts";
import { PersonaEngine, type PersonaEngineOptions } from "./persona/personaEngine.ts";

/**
 * How withme writes and judges text: with a language model, or by its own rules when none is
 * configured. Chosen once, in the composition root; nothing else asks which it is.
 */
export interface Strategies {
  replies: ReplyComposer;
  appraiser: Appraiser;
  summaries: MemorySummaryWriter;
  agentDrafts: AgentGenerator;
  lifeEvents: LifeEventWriter;
  initiations: InitiationTextWriter;
}

/**
 * A chat model writes replies, judges exchanges, summarises and drafts; the rules catch what it
 * cannot (`offlineSummaries` writes a summary the model does not).
 */
export function modelStrategies(
  model: ReplyModel,
  offlineSummaries: MemorySummaryWriter = ruleSummaryWriter,
): Strategies {
  return {
    replies: modelReplyComposer(model),
    appraiser: modelAppraiser(model),
    summaries: modelSummaryWriter(model, offlineSummaries),
    agentDrafts: modelAgentGenerator(model, templateAgentGenerator),
    lifeEvents: modelLifeEventWriter(model),
    initiations: modelInitiationWriter(model),
  };
}

/** No language model: the persona engine writes replies, and rules (`summaries`) and templates do the rest. */
export function offlineStrategies(
  options: PersonaEngineOptions = {},
  summaries: MemorySummaryWriter = ruleSummaryWriter,
): Strategies {
  return {
    replies: new PersonaEngine(options),
    appraiser: ruleAppraiser,
    summaries,
    agentDrafts: templateAgentGenerator,
    lifeEvents: templateLifeEventWriter,
    initiations: templateInitiationWriter,
  };
}
