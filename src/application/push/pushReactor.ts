import type { Clock } from "../../ports/clock.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import { type PushNotifier, pushWorthyFromEvent } from "./pushNotifier.ts";

/** News older than this is not worth a notification any more (e.g. after the worker was down). */
const STALE_AFTER_MS = 10 * 60_000;

/** Tells people who are not connected about a new reply or a message the agent started. */
export function pushReactor(commands: CommandHandler, notifier: PushNotifier, clock: Clock): Reactor {
  return defineReactor({
    name: "push",
    canHandle: ["AgentReplyCompleted", "AgentInitiatedMessage"],
    concurrency: 16,
    background: true,
    startAt: "head",
    async handle(event) {
      if (clock.now().getTime() - event.recordedAt.getTime() > STALE_AFTER_MS) return;
      const worthy = await pushWorthyFromEvent(event, commands);
      if (worthy) await notifier.notify(worthy);
    },
  });
}
