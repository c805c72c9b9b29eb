import type { AffinityCue } from "./conversationModel.ts";

/** An affinity change read out as a sentence: who warmed or cooled, by how much, and why. */
export function affinityCueText(agentName: string, cue: Pick<AffinityCue, "delta" | "reason">): string {
  const points = Math.abs(cue.delta);
  const direction = cue.delta > 0 ? "warmed to" : "cooled toward";
  const change = `${agentName} ${direction} you by ${points} ${points === 1 ? "point" : "points"}`;
  const reason = cue.reason.trim();
  if (!reason) return `${change}.`;
  return `${change}: ${/[.!?]$/.test(reason) ? reason : `${reason}.`}`;
}
