import { LRUCache } from "lru-cache";
import { agentStreamId } from "../../domain/streamIds.ts";
import type { EventLog, StoredEventOf } from "../eventLog.ts";
import { promptLifeEvents } from "../life/lifeWiring.ts";

/** How far back in the agent's stream its life events are looked for. */
const EVENTS_READ = 60;

type LifeEvent = StoredEventOf<"AgentLifeEventOccurred">["data"];

interface Read {
  /** The newest revision of the agent's stream when it was read. */
  revision: number | null;
  lifeEvents: readonly LifeEvent[];
}

/** Per event log (one per running system), each agent's last read, by agent id. */
const readsByLog = new WeakMap<EventLog, LRUCache<string, Read>>();

/**
 * The agent's life events a turn's prompt tells of. The agent's stream is read again only when
 * the agent's state the turn works from is at another revision than the last read: a burst of
 * turns with one agent reads its life once.
 */
export async function recentLifeEvents(
  events: EventLog,
  agentId: string,
  agentRevision: number | null,
  now: Date,
  limit: number,
): Promise<{ at: string; summary: string }[]> {
  let reads = readsByLog.get(events);
  if (!reads) {
    reads = new LRUCache<string, Read>({ max: 1_000 });
    readsByLog.set(events, reads);
  }
  let read = reads.get(agentId);
  if (!read || agentRevision === null || read.revision !== agentRevision) {
    const recent = await events.readStream(agentStreamId(agentId), {
      direction: "backwards",
      maxCount: EVENTS_READ,
    });
    const lifeEvents = recent
      .flatMap((event) => (event.type === "AgentLifeEventOccurred" ? [event.data] : []))
      .reverse();
    read = { revision: recent[0]?.revision ?? null, lifeEvents };
    reads.set(agentId, read);
  }
  return promptLifeEvents(read.lifeEvents, now, { limit });
}
