import { messagesProjection } from "../../projections/messages/projection.ts";
import { listMessages } from "../../projections/messages/queries.ts";
import { rebuildProjections } from "../../projections/runner/rebuild.ts";
import type { ConversationEvent } from "../../src/domain/conversation/events.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { appendEvents } from "../support/domainEvents.ts";
import { grow } from "./conversationGrowth.ts";
import { startProjectorBench } from "./projectorBench.ts";
import { percentile, report } from "./support.ts";

const PAGES = 200;

/**
 * Pages of a conversation's active path from the messages read model: a 10,000-message
 * conversation with 500 branches against a plain one of the same length, with no branch at all.
 */
export default async function messagePagingBench(): Promise<void> {
  const bench = await startProjectorBench();
  try {
    const branched = { userId: "branched", agentId: "a1" };
    const plain = { userId: "plain", agentId: "a1" };
    for (const [who, events] of [
      [branched, grow(5_000, 10, branched).events],
      [plain, grow(5_250, 0, plain).events],
    ] as const) {
      const stream = conversationStreamId(who.userId, who.agentId);
      for (let i = 0; i < events.length; i += 1_000)
        await appendEvents(bench.store, stream, events.slice(i, i + 1_000) as ConversationEvent[]);
    }
    await rebuildProjections(bench.deps(), [messagesProjection]);

    const pages = async (who: { userId: string; agentId: string }) => {
      const newest = await listMessages(bench.pool, { ...who, last: 20 });
      const middle = String(Math.floor(Number(newest.pageInfo.endCursor) / 2));
      const times: number[] = [];
      for (let i = 0; i < PAGES; i++) {
        const started = performance.now();
        await listMessages(bench.pool, { ...who, last: 20, before: i % 2 ? middle : null });
        times.push(performance.now() - started);
      }
      return times;
    };
    await pages(plain);
    const onPlain: number[] = [];
    const onBranched: number[] = [];
    for (let round = 0; round < 3; round++) {
      onPlain.push(...(await pages(plain)));
      onBranched.push(...(await pages(branched)));
    }
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    const line = (name: string, p: number) => ({
      name,
      value: ms(percentile(onBranched, p)),
      baseline: ms(percentile(onPlain, p)),
      ratio: percentile(onBranched, p) / percentile(onPlain, p),
      target: "< 20 ms",
    });
    report("a page of 20 on the active path (10,000 messages, 500 branches; baseline: no branches)", [
      line("median page (newest, and from the middle)", 50),
      line("95th percentile", 95),
    ]);
  } finally {
    await bench.close();
  }
}
