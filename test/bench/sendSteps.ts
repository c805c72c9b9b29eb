import type { CommandHandler } from "../../src/application/commandHandler.ts";
import type { EventLog } from "../../src/application/eventLog.ts";
import { countQueries } from "./queryCount.ts";
import { tallyQueries } from "./queryTally.ts";
import { type BenchLine, percentile } from "./support.ts";

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
  #queriesPerMessage = 0;
  #topStatements = "";

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

  /** Ends the counts begun by `restart`: queries are counted up to here, not in the stop after. */
  stopCounting(): void {
    const messages = Math.max(1, this.#messages);
    this.#queriesPerMessage = (this.#queries?.() ?? 0) / messages;
    this.#topStatements = (this.#statements?.() ?? [])
      .slice(0, 8)
      .map(([statement, count]) => `${(count / messages).toFixed(2)} ${statement}`)
      .join("; ");
  }

  /** The report's lines: the split of sent → stored, and the SQL queries per message. */
  lines(): BenchLine[] {
    const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(1)} ms`;
    return [
      ...[50, 99].map((p) => ({
        name: `  send to SendMessage handled p${p}`,
        value: ms(this.toCommand, p),
        baseline: "the socket, GraphQL and the checks before the command",
      })),
      ...[50, 99].map((p) => ({
        name: `  SendMessage handled to stored p${p}`,
        value: ms(this.commandToStored, p),
        baseline: "the decision and its append",
      })),
      ...[50, 99].map((p) => ({
        name: `    of which the append p${p}`,
        value: ms(this.appending, p),
        baseline: "handed to the event store → it answered",
      })),
      {
        name: "SQL queries per message",
        value: this.#queriesPerMessage.toFixed(1),
        baseline: "the whole process over the measured rounds: send, reply, projections, reactors",
      },
      { name: "  most sent, per message", value: this.#topStatements },
    ];
  }
}
