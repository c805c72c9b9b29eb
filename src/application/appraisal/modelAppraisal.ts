import { z } from "zod";
import type { ChatMessage, ReplyModel } from "../../ports/replyModel.ts";
import {
  type Appraisal,
  type AppraisalInput,
  appraisalInputSchema,
  clampAffinity,
  clampAffinityDelta,
  clampIntensity,
  maxAffinityStep,
  moodNames,
} from "./appraisalTypes.ts";
import { appraiseByRules } from "./ruleBasedAppraisal.ts";

/** The verdict a model must answer with; out-of-range numbers are clamped, anything else falls back. */
export const appraisalVerdictSchema = z.object({
  mood: z.enum(moodNames),
  intensity: z.number(),
  moodReason: z.string().trim().min(1).max(300),
  affinityDelta: z.number(),
  affinityReason: z.string().trim().min(1).max(300),
});

export type AppraisalVerdict = z.infer<typeof appraisalVerdictSchema>;

export interface ModelAppraisalResult extends Appraisal {
  /** Set when the model's answer could not be used and the rules decided instead. */
  fallback: string | null;
}

export function appraisalMessages(input: AppraisalInput): ChatMessage[] {
  const parsed = appraisalInputSchema.parse(input);
  return [
    {
      role: "system",
      content: [
        "You judge how one chat exchange changes a character's mood and their affinity toward the person.",
        `Moods: ${moodNames.join(", ")}. Intensity is 0 to 1. Affinity runs from -100 to 100; one exchange moves it by at most ${maxAffinityStep} either way.`,
        "Kindness, gratitude, affection and sharing personal things raise affinity; rudeness and dismissiveness lower it; an ordinary exchange leaves it at 0.",
        'Answer with one JSON object only: {"mood": string, "intensity": number, "moodReason": string, "affinityDelta": integer, "affinityReason": string}.',
      ].join("\n"),
    },
    {
      role: "user",
      content: JSON.stringify({
        currentMood: parsed.mood,
        baselineMood: parsed.baselineMood,
        affinity: parsed.affinity,
        personMessage: parsed.personMessage,
        characterReply: parsed.reply,
        daysSincePreviousMessage: parsed.previousMessageAt
          ? Math.floor((Date.parse(parsed.now) - Date.parse(parsed.previousMessageAt)) / 86_400_000)
          : null,
      }),
    },
  ];
}

/** How one exchange moves mood and affinity: by a model's verdict, or by the rules. */
export interface Appraiser {
  appraise(
    input: AppraisalInput,
    options?: { seed?: number; signal?: AbortSignal },
  ): Promise<ModelAppraisalResult>;
}

/** The offline appraiser: the rules decide. */
export const ruleAppraiser: Appraiser = {
  appraise: async (input) => ({ ...appraiseByRules(input), fallback: null }),
};

/** A model's verdict, checked against the same bounds; the rules answer whenever the model cannot. */
export function modelAppraiser(model: ReplyModel): Appraiser {
  return { appraise: (input, options) => appraiseWithModel(model, input, options) };
}

/** Asks the model for a verdict and checks it; the rules answer whenever the model cannot. */
export async function appraiseWithModel(
  model: ReplyModel,
  input: AppraisalInput,
  options: { seed?: number; signal?: AbortSignal } = {},
): Promise<ModelAppraisalResult> {
  let text: string;
  try {
    const result = await model.complete(
      {
        messages: appraisalMessages(input),
        json: true,
        maxTokens: 200,
        temperature: 0.2,
        seed: options.seed ?? 0,
      },
      options.signal,
    );
    text = result.text;
  } catch (error) {
    return fallBack(input, `the model did not answer (${(error as Error).message})`);
  }
  const verdict = parseVerdict(text);
  if (!verdict.ok) return fallBack(input, verdict.problem);
  return { ...fromVerdict(verdict.value, input), source: "model", fallback: null };
}

export function parseVerdict(
  text: string,
): { ok: true; value: AppraisalVerdict } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(stripCodeFence(text));
  } catch {
    return { ok: false, problem: "the model's answer was not JSON" };
  }
  const result = appraisalVerdictSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "answer"}: ${i.message}`).join("; ");
    return { ok: false, problem: `the model's answer did not fit the verdict (${issues})` };
  }
  return { ok: true, value: result.data };
}

function fromVerdict(verdict: AppraisalVerdict, input: AppraisalInput): Omit<Appraisal, "source"> {
  const value = clampAffinity(input.affinity + clampAffinityDelta(verdict.affinityDelta));
  return {
    mood: { name: verdict.mood, intensity: clampIntensity(verdict.intensity), reason: verdict.moodReason },
    affinity: { delta: value - Math.round(input.affinity), value, reason: verdict.affinityReason },
  };
}

function fallBack(input: AppraisalInput, problem: string): ModelAppraisalResult {
  return { ...appraiseByRules(input), fallback: problem };
}

function stripCodeFence(text: string): string {
  return text
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
}
