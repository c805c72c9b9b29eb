/** A pure aggregate: no I/O, no clock, no randomness. Time and ids arrive on the command. */
export interface Decider<State, Command, Event> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

export type ErrorCode = "BAD_USER_INPUT" | "CONFLICT" | "NOT_FOUND" | "FORBIDDEN" | "RATE_LIMITED";

/**
 * A rule of the domain said no. `reason` names the rule (tests match on it); `code` is what the
 * API reports in `extensions.code`.
 */
export class DomainError extends Error {
  readonly reason: string;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(reason: string, code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "DomainError";
    this.reason = reason;
    this.code = code;
    this.details = details;
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

/** A domain event before it is stored: what happened, in the past tense, and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}
