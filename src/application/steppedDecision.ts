import type { Decider, DomainEvent, SteppedDecider } from "../domain/shared/decider.ts";

/** Events folded or put in their envelopes between two pauses of a decision taken in steps. */
const EVENTS_PER_STEP = 100;

export function decidesInSteps<State, Command, Event>(
  decider: Decider<State, Command, Event>,
): decider is SteppedDecider<State, Command, Event> {
  return "decideInSteps" in decider && typeof decider.decideInSteps === "function";
}

/**
 * Decides the commands in turn, each against the state the previous ones left, pausing where a
 * stepped decider pauses and every hundred events folded.
 */
export function* decisionInSteps<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
  state: State,
  commands: readonly Command[],
): Generator<void, { events: Event[]; state: State }, void> {
  const events: Event[] = [];
  let decided = state;
  for (const command of commands) {
    const produced = decidesInSteps(decider)
      ? yield* decider.decideInSteps(command, decided)
      : decider.decide(command, decided);
    // One by one: an imported chat decides more events than a call may take as arguments.
    for (const [index, event] of produced.entries()) {
      decided = decider.evolve(decided, event);
      events.push(event);
      if (index % EVENTS_PER_STEP === EVENTS_PER_STEP - 1) yield;
    }
  }
  return { events, state: decided };
}

/** `events.map(envelope)`, pausing every hundred events. */
export function* mappedInSteps<T, U>(
  items: readonly T[],
  map: (item: T, index: number) => U,
): Generator<void, U[], void> {
  const mapped: U[] = [];
  for (const [index, item] of items.entries()) {
    mapped.push(map(item, index));
    if (index % EVENTS_PER_STEP === EVENTS_PER_STEP - 1) yield;
  }
  return mapped;
}
