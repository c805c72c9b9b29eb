import type { DailyRhythm } from "../../domain/agent/dailyRhythm.ts";
import type { LocalDateTime } from "../../domain/shared/time.ts";
import type { ReplyModel } from "../../ports/replyModel.ts";
import { occupationInSentence } from "../prompt/occupationWording.ts";
import { isConsistentWithLocalTime } from "./lifeEventConsistency.ts";
import type { LifeEventPlan } from "./lifeEventPlanner.ts";
import { firstPersonSummary } from "./lifeEventSummary.ts";
import { seededRandom } from "./seededRandom.ts";

/**
 * Words a planned life event. The planner decides what happens and when; a writer only phrases
 * it. The templates' own text is the offline default; a model can retell it in the agent's voice.
 */
export interface LifeEventWriterContext {
  agent: {
    name: string;
    summary: string;
    speakingStyle: string;
    homeCity: string;
    occupation: string;
  };
  rhythm: DailyRhythm;
  hemisphere: "north" | "south";
}

export interface LifeEventWriter {
  readonly name: string;
  write(
    plan: LifeEventPlan,
    context: LifeEventWriterContext,
  ): Promise<{ title: string; description: string }>;
}

export const templateLifeEventWriter: LifeEventWriter = {
  name: "templates",
  write: async (plan) => ({ title: plan.title, description: plan.description }),
};

/** A model's retelling, kept only when it is well formed and still fits the agent's clock. */
export function modelLifeEventWriter(
  model: ReplyModel,
  fallback: LifeEventWriter = templateLifeEventWriter,
): LifeEventWriter {
  return {
    name: `model (${model.describe().model})`,
    write: async (plan, context) => {
      const { agent } = context;
      try {
        const result = await model.complete({
          messages: [
            {
              role: "system",
              content: `You keep the diary of ${agent.name}, a ${occupationInSentence(agent.occupation)} in ${agent.homeCity}. ${agent.summary} Style: ${agent.speakingStyle}. Answer with one JSON object {"title": string, "description": string}: a title of at most 80 characters and one or two first-person sentences of at most 300 characters, the first starting with "I" or "My". Keep what happened and when; add one concrete detail.`,
            },
            {
              role: "user",
              content: `It is ${label(plan.local)} for ${agent.name}. What happened: ${plan.title}. ${plan.description}`,
            },
          ],
          json: true,
          maxTokens: 200,
          temperature: 0.9,
          seed: Math.floor(seededRandom(plan.lifeEventId).next() * 2 ** 31),
        });
        const parsed = JSON.parse(result.text) as { title?: unknown; description?: unknown };
        const title = typeof parsed.title === "string" ? parsed.title.trim() : "";
        const raw = typeof parsed.description === "string" ? parsed.description.trim() : "";
        const description = raw ? firstPersonSummary({ title, description: raw }) : "";
        const written = { title, description };
        if (
          title.length > 0 &&
          title.length <= 120 &&
          description.length > 0 &&
          description.length <= 600 &&
          isConsistentWithLocalTime(written, plan.local, {
            rhythm: context.rhythm,
            hemisphere: context.hemisphere,
          })
        )
          return written;
      } catch {
        // The template's own words stand when the model cannot help.
      }
      return fallback.write(plan, context);
    },
  };
}

function label(local: LocalDateTime): string {
  const days = {
    mon: "Monday",
    tue: "Tuesday",
    wed: "Wednesday",
    thu: "Thursday",
    fri: "Friday",
    sat: "Saturday",
    sun: "Sunday",
  };
  return `${days[local.weekday]} ${local.time}`;
}
