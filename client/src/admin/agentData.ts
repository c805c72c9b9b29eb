import type { Client } from "@urql/core";
import type { ResultOf } from "../api/graphql.ts";
import { AdminAgentQuery, type AgentDetail } from "../api/operations/admin.ts";
import { knownTimeZones } from "../settings/zoneRenames.ts";

export type Agent = ResultOf<typeof AgentDetail>;

/**
 * The read model catches up with a change a moment after the mutation returns: asks again until
 * the agent shows it (or gives up and returns what there is).
 */
export async function waitForAgent(
  client: Client,
  id: string,
  ready: (agent: Agent) => boolean,
  tries = 20,
): Promise<Agent | null> {
  let latest: Agent | null = null;
  for (let attempt = 0; attempt < tries; attempt++) {
    const result = await client.query(AdminAgentQuery, { id }, { requestPolicy: "network-only" }).toPromise();
    latest = result.data?.agent ?? latest;
    if (latest && ready(latest)) return latest;
    await new Promise((resolve) => setTimeout(resolve, 250 + attempt * 50));
  }
  return latest;
}

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export const MOODS = [
  "joyful",
  "content",
  "calm",
  "playful",
  "affectionate",
  "curious",
  "melancholy",
  "anxious",
  "irritated",
  "tired",
] as const;

let zones: string[] | null = null;

/** Every IANA time zone the browser knows, by current names, for the identity's timezone select. */
export function timezones(): string[] {
  zones ??= knownTimeZones();
  return zones;
}

export const splitList = (value: string) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** What a scenario's window JSON says, in words. */
export function describeWindow(window: unknown): string {
  const value = window as {
    weekly?: { days?: string[]; start?: string; end?: string };
    once?: { startsAt?: string; endsAt?: string };
    days?: string[];
    start?: string;
    end?: string;
    startsAt?: string;
    endsAt?: string;
  } | null;
  const weekly = value?.weekly ?? (value?.days ? value : null);
  if (weekly?.days) return `Every ${weekly.days.join(", ")} ${weekly.start ?? "?"}–${weekly.end ?? "?"}`;
  const once = value?.once ?? (value?.startsAt ? value : null);
  if (once?.startsAt)
    return `${new Date(once.startsAt).toLocaleString()} – ${once.endsAt ? new Date(once.endsAt).toLocaleString() : "?"}`;
  return JSON.stringify(window);
}
