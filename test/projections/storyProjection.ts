import type { Story } from "../domain/conversation/story.ts";
import type { ProjectionHarness } from "./projectionHarness.ts";

/**
 * Appends what a Story wrote since the last call to its stream, and waits for the projections.
 * The harness is asked for when called: tests start it in `beforeAll`.
 */
export function storyProjection(harness: () => ProjectionHarness, streamId: string, story: Story) {
  let written = 0;
  return async () => {
    const h = harness();
    await h.append(streamId, story.events.slice(written));
    written = story.events.length;
    await h.settle();
  };
}
