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

/**
 * The agent's life events a turn's prompt tells of, one instance per running system. The agent's
 * stream is read again only when the agent's state the turn works from is at another revision
 * than the last read: a burst of turns with one agent reads its life once.
 */
export class RecentLifeEvents {
  readonly #events: EventLog;
  /** Each agent's last read, by agent id. */
  readonly #reads = new LRUCache<string, Read>({ max: 1_000 });

  constructor(events: EventLog) {
    this.#events = events;
  }

  async of(
    agentId: string,
    agentRevision: number | null,
    now: Date,
    limit: number,
  ): Promise<{ at: string; summary: string }[]> {
    let read = this.#reads.get(agentId);
    if (!read || agentRevision === null || read.revision !== agentRevision) {
      const recent = await this.#events.readStream(agentStreamId(agentId), {
        direction: "backwards",
        maxCount: EVENTS_READ,
      });
      const lifeEvents = recent
        .flatMap((event) => (event.type === "AgentLifeEventOccurred" ? [event.data] : []))
        .reverse();
      read = { revision: recent[0]?.revision ?? null, lifeEvents };
      this.#reads.set(agentId, read);
    }
    return promptLifeEvents(read.lifeEvents, now, { limit });
  }
}
