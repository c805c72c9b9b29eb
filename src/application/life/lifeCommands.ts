import { type Decider, DomainError, type DomainEvent } from "../../domain/shared/decider.ts";
import { DuplicateEventIdError } from "../../ports/eventStore.ts";
import type { CommandHandler } from "../commandHandler.ts";
import type { InitiationBlock } from "./initiationPolicy.ts";

export interface TickReport {
  at: string;
  agents: number;
  lifeEvents: number;
  baselineDrifts: number;
  moodShifts: number;
  initiations: number;
  /** Why conversations got no initiation this tick. */
  blocked: Partial<Record<InitiationBlock | "NotNow" | "Stale", number>>;
  failures: number;
}

/** A tick's report before it has done anything. */
export function emptyTickReport(at: string): TickReport {
  return {
    at,
    agents: 0,
    lifeEvents: 0,
    baselineDrifts: 0,
    moodShifts: 0,
    initiations: 0,
    blocked: {},
    failures: 0,
  };
}

/** Issues a command as the scheduler; false when it was already done (a repeated tick) or turned down. */
export type IssueCommand = <Command>(
  decider: Decider<unknown, Command, DomainEvent>,
  streamId: string,
  command: Command,
  commandId: string,
  now: Date,
) => Promise<boolean>;

/** Runs commands as the scheduler, with ids from the slot so a repeated tick is harmless. */
export function commandIssuer(commands: CommandHandler): IssueCommand {
  return async (decider, streamId, command, commandId, now) => {
    try {
      const handled = await commands.handle(decider, streamId, command, {
        commandId,
        actor: "scheduler",
        requestId: null,
        correlationId: `scheduler:${slotOf(now)}`,
        causationId: null,
        now,
      });
      return handled.events.length > 0;
    } catch (error) {
      // Already done by an earlier run of this slot, or the state moved on since it was read.
      if (error instanceof DuplicateEventIdError || error instanceof DomainError) return false;
      throw error;
    }
  };
}

/** The quarter hour a tick belongs to: the unit of idempotency for its commands. */
export function slotOf(now: Date): string {
  return new Date(Math.floor(now.getTime() / 900_000) * 900_000).toISOString();
}
