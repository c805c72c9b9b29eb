/** A pure aggregate: no I/O, no clock, no randomness. Time and ids arrive on the command. */
export interface Decider<State, Command, Event> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

/**
 * A decider whose decision can also be taken in steps: the generator pauses between them (still
 * pure) so that a caller may give other work its turn during a decision of seconds.
 */
export interface SteppedDecider<State, Command, Event> extends Decider<State, Command, Event> {
  decideInSteps(command: Command, state: State): Generator<void, Event[], void>;
}

/** Runs work written in steps straight through. */
export function runThrough<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
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
