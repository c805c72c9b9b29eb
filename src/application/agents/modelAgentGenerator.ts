import { z } from "zod";
import { isValidTimezone } from "../../domain/shared/time.ts";
import type { ReplyModel } from "../../ports/replyModel.ts";
import type { AgentDraft, AgentDraftRequest, AgentGenerator } from "./agentGenerator.ts";
import { repairDraft } from "./agentGeneratorChecks.ts";
import { readPromptFacts } from "./agentGeneratorFacts.ts";
import { draftFromFacts } from "./templateAgentGenerator.ts";

const draftSchema = z.object({
  name: z.string().trim().min(1).max(60),
  persona: z.object({
    summary: z.string().trim().min(1).max(500),
    traits: z.array(z.string().trim().min(1).max(40)).min(1).max(12),
    speakingStyle: z.string().trim().min(1).max(500),
    backstory: z.string().trim().max(4000),
    interests: z.array(z.string().trim().min(1).max(60)).max(20),
  }),
  identity: z.object({
    homeCity: z.string().trim().min(1).max(100),
    country: z.string().trim().min(1).max(100).optional(),
    occupation: z.string().trim().min(1).max(100),
    timezone: z.string().refine(isValidTimezone, "not an IANA time zone"),
    latitude: z.number().min(-90).max(90).optional(),
  }),
});

/**
 * Drafts an agent with the language model (a JSON answer checked against the limits), then checks
 * it against the description: a name, city, time zone, occupation, age, trait or interest that
 * contradicts the description is mended from it, and a summary or backstory that does is replaced
 * by the template's. Whatever the model cannot give, the fallback (the template generator) does.
 * The operator's own name and identity always win.
 */
export function modelAgentGenerator(model: ReplyModel, fallback: AgentGenerator): AgentGenerator {
  return {
    name: `model (${model.describe().model})`,
    async generate(request: AgentDraftRequest): Promise<AgentDraft> {
      try {
        const result = await model.complete({
          messages: [
            {
              role: "system",
              content:
                'Invent a companion persona from the operator\'s description. Keep every fact the description gives (name, age, occupation, city, traits, interests) exactly. Answer with one JSON object: {"name", "persona": {"summary", "traits": [..], "speakingStyle", "backstory", "interests": [..]}, "identity": {"homeCity", "country", "occupation", "timezone" (IANA), "latitude"}}. Keep it warm, specific and consistent with the city.',
            },
            {
              role: "user",
              content: `Description: ${request.prompt}\nAppearance: ${request.appearancePrompt}`,
            },
          ],
          json: true,
          maxTokens: 700,
          temperature: 0.9,
          seed: 11,
        });
        const parsed = draftSchema.parse(JSON.parse(result.text));
        const facts = readPromptFacts(request.prompt);
        // The operator's own name and identity win; then the description's facts do.
        const draft = repairDraft(
          {
            name: request.name?.trim() || parsed.name,
            persona: parsed.persona,
            identity: parsed.identity,
          },
          { ...facts, name: request.name?.trim() || facts.name },
          draftFromFacts(request, facts),
        );
        return request.identity ? { ...draft, identity: request.identity } : draft;
      } catch {
        return fallback.generate(request);
      }
    },
  };
}
