import { setTimeout as sleep } from "node:timers/promises";
import type { AgentState } from "../../domain/agent/state.ts";
import { driveConversation } from "./conversationDriver.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { loadAgentState, replyDeferredUntil } from "./replyDeferral.ts";

const PAGE = 500;

type Enqueue = (key: string, work: (signal: AbortSignal) => Promise<void>) => void;

/**
 * Messages that arrived while their agent slept wait without a reply; this looks at them when
 * the reactor takes its lease and then every `deferredSweepMs`, and drives each conversation
 * whose agent is up again. The driver decides from the event-sourced state, so a stale read
 * model at worst costs a look that finds nothing to do.
 */
export async function wakeDeferredReplies(
  deps: EngineDependencies,
  enqueue: Enqueue,
  signal: AbortSignal,
): Promise<void> {
  const awaiting = deps.awaitingReplies;
  if (!awaiting || deps.settings.asleepReplies !== "defer") return;
  while (!signal.aborted) {
    try {
      const woken = await sweepOnce(deps, awaiting, enqueue);
      if (woken > 0) deps.logger.debug({ woken }, "conversations owed a reply by an agent that is up");
    } catch (error) {
      if (signal.aborted) return;
      deps.logger.warn({ err: error }, "deferred replies not looked at");
    }
    await sleep(deps.settings.deferredSweepMs, undefined, { signal }).catch(() => {});
  }
}

/** One pass over the conversations owed a reply; how many were handed to the driver. */
export async function sweepOnce(
  deps: EngineDependencies,
  awaiting: NonNullable<EngineDependencies["awaitingReplies"]>,
  enqueue: Enqueue,
): Promise<number> {
  const agents = new Map<string, Promise<AgentState>>();
  let after: string | null = null;
  let woken = 0;
  for (;;) {
    const page = await awaiting.awaitingReplies({ after, limit: PAGE });
    for (const conversation of page) {
      let agent = agents.get(conversation.agentId);
      if (!agent) {
        agent = loadAgentState(deps, conversation.agentId);
        agents.set(conversation.agentId, agent);
      }
      if (await replyDeferredUntil(deps, agent, conversation.affinity)) continue;
      const { streamId, userId, agentId } = conversation;
      const cause = {
        id: `wake:${streamId}`,
        metadata: { requestId: null, correlationId: `wake:${streamId}` },
      };
      enqueue(streamId, (workSignal) =>
        driveConversation(deps, { streamId, userId, agentId }, cause, workSignal),
      );
      woken++;
    }
    if (page.length < PAGE) return woken;
    after = page.at(-1)?.streamId ?? null;
  }
}
