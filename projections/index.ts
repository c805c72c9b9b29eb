import { affinityDeltasProjection } from "./affinity_deltas/projection.ts";
import { agentsProjection } from "./agents/projection.ts";
import { conversationsProjection } from "./conversations/projection.ts";
import { imageJobsProjection } from "./image_jobs/projection.ts";
import { lorebooksProjection } from "./lorebooks/projection.ts";
import { memoryFactsProjection } from "./memory_facts/projection.ts";
import { messagesProjection } from "./messages/projection.ts";
import { moodHistoryProjection } from "./mood_history/projection.ts";
import { erasingPerson } from "./runner/personErasure.ts";
import type { ProjectionDefinition } from "./runner/projection.ts";
import { semanticMemoryProjection } from "./semantic_memory/projection.ts";
import { usersProjection } from "./users/projection.ts";

/** Every read model, in the order the projector applies a batch to them. */
export const allProjections: ProjectionDefinition[] = [
  usersProjection,
  agentsProjection,
  conversationsProjection,
  messagesProjection,
  affinityDeltasProjection,
  moodHistoryProjection,
  imageJobsProjection,
  semanticMemoryProjection,
  lorebooksProjection,
  memoryFactsProjection,
].map(erasingPerson);

/** The projections a name on the command line stands for: one by name, or `all`. */
export function projectionsNamed(name: string): ProjectionDefinition[] {
  if (name === "all") return allProjections;
  const found = allProjections.find((p) => p.name === name);
  if (!found)
    throw new Error(
      `no projection named ${name}; choose one of ${allProjections.map((p) => p.name).join(", ")} or all`,
    );
  return [found];
}
