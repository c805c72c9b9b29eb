import { expect } from "vitest";
import { type Decider, DomainError, type DomainEvent } from "../../src/domain/shared/decider.ts";

/**
 * Given events, when a command, then events or a named error:
 *   spec(decider).given([e1, e2]).when(command).then([e3])
 *   spec(decider).given([e1]).when(command).thenRejects("MessageTooLong")
 */
export function spec<State, Command, Event extends DomainEvent>(decider: Decider<State, Command, Event>) {
  return {
    given(events: Event[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        state,
        when(command: Command) {
          const run = () => decider.decide(command, state);
          return {
            // biome-ignore lint/suspicious/noThenProperty: given/when/then reads as the specification; nothing awaits it.
            then(expected: Event[]): Event[] {
              const produced = run();
              expect(produced).toEqual(expected);
              return produced;
            },
            /** For events with generated or derived parts: match a subset of each. */
            thenMatches(expected: Partial<Event>[]): Event[] {
              const produced = run();
              expect(produced).toHaveLength(expected.length);
              for (const [i, partial] of expected.entries()) expect(produced[i]).toMatchObject(partial);
              return produced;
            },
            thenRejects(reason: string, code?: DomainError["code"]): DomainError {
              try {
                const produced = run();
                throw new Error(`expected ${reason}, but the command produced ${JSON.stringify(produced)}`);
              } catch (error) {
                expect(error).toBeInstanceOf(DomainError);
                const domainError = error as DomainError;
                expect(domainError.reason).toBe(reason);
                if (code) expect(domainError.code).toBe(code);
                return domainError;
              }
            },
          };
        },
      };
    },
  };
}
