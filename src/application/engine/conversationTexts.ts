import { LRUCache } from "lru-cache";
import type { WithmeEvent } from "../../domain/catalogue.ts";
import type { DomainEvent } from "../../domain/shared/decider.ts";
import type { CommandHandler } from "../commandHandler.ts";
import type { EventLog } from "../eventLog.ts";

/** A message as a prompt quotes it. */
export interface Written {
  text: string;
  at: string;
  revision: number;
  byAgent: boolean;
}

/** The messages written in a stretch of a conversation's events, and the stretch. */
export interface WrittenTail {
  /** By message (or reply) id. */
  written: ReadonlyMap<string, Written>;
  /** True when the stretch begins with the stream's first event. */
  fromStart: boolean;
}

interface Tail {
  from: number;
  upTo: number;
  written: Map<string, Written>;
}

/** Kept beyond what a turn asks for before the oldest messages are let go. */
const SLACK = 2;

/** Each conversation's last messages, kept while this process reads and writes them. */
export class ConversationTexts {
  readonly #tails = new LRUCache<string, Tail>({ max: 2_000 });

  constructor(commands: CommandHandler) {
    commands.onAppended((streamId, events, first) => this.#appended(streamId, events, first));
    commands.onForget((isGone) => {
      for (const streamId of [...this.#tails.keys()]) if (isGone(streamId)) this.#tails.delete(streamId);
    });
  }

  /**
   * The messages among at least the last `count` events up to `revision`, or among all of them:
   * from memory when this process saw the stream's events that far (it read them, or stored
   * them), else from the events stored since what it saw, or from the newest `count` events.
   */
  async recent(events: EventLog, streamId: string, revision: number, count: number): Promise<WrittenTail> {
    let tail = this.#tails.get(streamId);
    if (tail && tail.upTo < revision && revision - tail.upTo <= count) {
      for (const event of await events.readStream(streamId, { fromRevision: tail.upTo + 1, maxCount: count }))
        if (event.revision === tail.upTo + 1) note(tail, event, event.revision);
    }
    if (!tail || tail.upTo < revision) {
      const read = await events.readStream(streamId, { direction: "backwards", maxCount: count });
      tail = {
        from: read.length < count ? 0 : read.at(-1)!.revision,
        upTo: read[0]?.revision ?? -1,
        written: new Map(),
      };
      for (let i = read.length - 1; i >= 0; i--) note(tail, read[i]!, read[i]!.revision);
      this.#tails.set(streamId, tail);
    }
    if (tail.upTo - tail.from > SLACK * count) letGo(tail, tail.upTo - count + 1);
    return { written: tail.written, fromStart: tail.from === 0 };
  }

  /** What this process stores extends a tail it holds; a gap (another writer) drops it. */
  #appended(streamId: string, events: readonly DomainEvent[], first: number): void {
    const tail = this.#tails.get(streamId);
    if (!tail || first + events.length - 1 <= tail.upTo) return;
    if (first !== tail.upTo + 1) {
      this.#tails.delete(streamId);
      return;
    }
    for (const [i, event] of events.entries()) note(tail, event, first + i);
  }
}

/** What each message says, from a conversation's events in any order. */
export function writtenMessages(
  events: readonly (DomainEvent & { revision: number })[],
): Map<string, Written> {
  const tail: Tail = { from: 0, upTo: -1, written: new Map() };
  for (const event of events) note(tail, event, event.revision);
  return tail.written;
}

function note(tail: Tail, domainEvent: DomainEvent, revision: number): void {
  // Conversation streams hold conversation events only, checked by the catalogue when stored.
  const event = domainEvent as WithmeEvent;
  if (event.type === "UserMessageSent" || event.type === "AgentInitiatedMessage")
    tail.written.set(event.data.messageId, {
      text: event.data.text,
      at: event.data.sentAt,
      revision,
      byAgent: event.type === "AgentInitiatedMessage",
    });
  else if (event.type === "AgentReplyCompleted")
    tail.written.set(event.data.replyId, {
      text: event.data.text,
      at: event.data.completedAt,
      revision,
      byAgent: true,
    });
  tail.upTo = Math.max(tail.upTo, revision);
}

function letGo(tail: Tail, from: number): void {
  for (const [id, entry] of tail.written) if (entry.revision < from) tail.written.delete(id);
  tail.from = from;
}
