import type { CommandHandler } from "../../src/application/commandHandler.ts";
import type { EventLog } from "../../src/application/eventLog.ts";
import { countQueries } from "./queryCount.ts";
import { tallyQueries } from "./queryTally.ts";

/**
 * Splits a message's way to being stored: sent → its `SendMessage` command handed to the command
 * handler (the socket, GraphQL, the checks before it) and handed → stored (the append).
 */
export class SendSteps {
  /** Sent → the command handed to the handler, per message. */
  readonly toCommand: number[] = [];
  /** The command handed → its events stored, per message. */
  readonly commandToStored: number[] = [];
  /** Of that, the append itself: handed to the event store → it answered, per message. */
  readonly appending: number[] = [];
  readonly #sentAt = new Map<string, number>();
  readonly #commandAt = new Map<string, number>();
  #queries: (() => number) | null = null;
  #statements: (() => [string, number][]) | null = null;
  #messages = 0;

  constructor(commands: CommandHandler, events: EventLog) {
    const append = events.append.bind(events);
    events.append = (streamId, toAppend, expected) => {
      if (!toAppend.some((e) => e.type === "UserMessageSent") || !this.#commandAt.has(streamId))
        return append(streamId, toAppend, expected);
      const started = performance.now();
      return append(streamId, toAppend, expected).finally(() =>
        this.appending.push(performance.now() - started),
      );
    };
    const handle = commands.handle.bind(commands);
    commands.handle = ((decider, streamId, command, context) => {
      const sent = this.#sentAt.get(streamId);
      if (sent !== undefined && (command as { type?: string }).type === "SendMessage") {
        this.#sentAt.delete(streamId);
        const now = performance.now();
        this.toCommand.push(now - sent);
        this.#commandAt.set(streamId, now);
      }
      return handle(decider, streamId, command, context);
    }) as CommandHandler["handle"];
    commands.onAppended((streamId, events) => {
      const handed = this.#commandAt.get(streamId);
      if (handed === undefined || !events.some((e) => e.type === "UserMessageSent")) return;
      this.#commandAt.delete(streamId);
      this.commandToStored.push(performance.now() - handed);
    });
  }

  sent(streamId: string): void {
    this.#messages++;
    this.#sentAt.set(streamId, performance.now());
  }

  /** Starts counting messages and SQL queries afresh, and drops the times so far. */
  restart(): void {
    this.toCommand.length = 0;
    this.commandToStored.length = 0;
    this.appending.length = 0;
    this.#messages = 0;
    this.#queries = countQueries();
    this.#statements = tallyQueries();
  }

  /** Every SQL query the process sent since `restart` (API, replies, projections), per message. */
  queriesPerMessage(): number {
    return (this.#queries?.() ?? 0) / Math.max(1, this.#messages);
  }

  /** The `top` statements sent most since `restart`, each with how many per message; stops counting. */
  topStatements(top: number): string {
    const counted = this.#statements?.() ?? [];
    return counted
      .slice(0, top)
      .map(([statement, count]) => `${(count / Math.max(1, this.#messages)).toFixed(2)} ${statement}`)
      .join("; ");
  }
}
