import type { ConversationCommand } from "../../src/domain/conversation/commands.ts";
import {
  activePath,
  type ConversationState,
  conversationDecider,
  siblingsOf,
} from "../../src/domain/conversation/decider.ts";
import { at, bench, grow } from "./conversationGrowth.ts";
import { heapUsed, report } from "./support.ts";

/** One turn (message, reply, appraisal) and each tree command, decided and folded from `state`. */
function commandsOn(state: ConversationState): Record<string, (i: number) => void> {
  const leaf = state.activeLeafId!;
  const onPath = activePath(state);
  const earlier = onPath[Math.floor(onPath.length / 2)]!;
  const lastReply = [...onPath].reverse().find((id) => id.startsWith("r") || id.startsWith("g"))!;
  const lastMessage = [...onPath].reverse().find((id) => id.startsWith("m") || id.startsWith("e"))!;
  const sibling = siblingsOf(state, onPath.find((id) => (siblingsOf(state, id)?.ids.length ?? 0) > 1)!)!
    .ids[0]!;
  const apply = (from: ConversationState, command: Record<string, unknown>) => {
    let next = from;
    for (const event of conversationDecider.decide(
      { ...bench, now: at(1e7), ...command } as ConversationCommand,
      from,
    ))
      next = conversationDecider.evolve(next, event);
    return next;
  };
  const usage = { promptTokens: 1, completionTokens: 1 };
  const commands: Record<string, (i: number) => void> = {
    "a turn (send, reply, appraisal)": (i) => {
      let s = apply(state, {
        type: "SendMessage",
        messageId: `p-x${i}`,
        clientMessageId: `p-cx${i}`,
        text: "hi",
      });
      s = apply(s, { type: "StartReply", replyId: `p-y${i}`, messageId: `p-x${i}` });
      s = apply(s, { type: "CompleteReply", replyId: `p-y${i}`, text: "hello", model: "bench", usage });
      apply(s, { type: "ChangeAffinity", delta: 1, reason: "kind", causedBy: `p-y${i}` });
    },
    regenerate: (i) =>
      apply(state, {
        type: "RegenerateReply",
        replyId: lastReply,
        newReplyId: `p-z${i}`,
        clientRequestId: `p-qz${i}`,
      }),
    edit: (i) =>
      apply(state, {
        type: "EditMessage",
        messageId: lastMessage,
        newMessageId: `p-w${i}`,
        clientMessageId: `p-cw${i}`,
        text: "x",
      }),
    "choose an alternative": (i) =>
      apply(state, { type: "ChooseSibling", messageId: sibling, clientRequestId: `p-s${i}` }),
    "branch from the middle": (i) =>
      apply(state, { type: "BranchFrom", messageId: earlier, clientRequestId: `p-b${i}` }),
    "hide the leaf": (i) =>
      apply(state, { type: "HideMessage", messageId: leaf, clientRequestId: `p-h${i}` }),
  };
  return commands;
}

/** Mean ms of each command in each conversation: runs alternate between the two, the best of each counts. */
function timeCommands(small: ConversationState, large: ConversationState, rounds: number) {
  const [onSmall, onLarge] = [commandsOn(small), commandsOn(large)];
  const times: Record<string, { small: number; large: number }> = {};
  for (const name of Object.keys(onSmall)) {
    const run = (command: (i: number) => void) => () => {
      for (let i = 0; i < rounds; i++) command(i);
    };
    run(onSmall[name]!)();
    run(onLarge[name]!)();
    const t = { small: Number.POSITIVE_INFINITY, large: Number.POSITIVE_INFINITY };
    for (let k = 0; k < 5; k++) {
      t.small = Math.min(t.small, best(1, run(onSmall[name]!)) / rounds);
      t.large = Math.min(t.large, best(1, run(onLarge[name]!)) / rounds);
    }
    times[name] = t;
  }
  return times;
}

/** The best of a few runs, in ms: the machine is shared, so the least disturbed run is the fairest. */
function best(runs: number, work: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** Heap held by what `build` returns. */
function heldBy(build: () => unknown): number {
  const before = heapUsed();
  const kept = build();
  const held = heapUsed() - before;
  return kept ? held : 0;
}

/** The message tree: a command costs the same in a 10,000-message conversation with 500 branches as in a small one. */
export default async function conversationTreeBench(): Promise<void> {
  const small = grow(500, 10);
  const large = grow(5_000, 10);
  const branches = (state: ConversationState) =>
    [...state.tree.nodes.values()].filter((n) => n.children.length > 1).length + state.tree.roots.length - 1;
  const times = timeCommands(small.state, large.state, 500);
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  // Four times larger again: what grows from here on is the memory the fold walks, not the work per event.
  const larger = grow(20_000, 40).events;
  const folds = [small.events, large.events, larger].map(() => Number.POSITIVE_INFINITY);
  for (let run = 0; run < 3; run++)
    [small.events, large.events, larger].forEach((events, i) => {
      const ms = best(1, () => events.reduce(conversationDecider.evolve, conversationDecider.initialState()));
      folds[i] = Math.min(folds[i]!, ms / events.length);
    });
  const [foldSmall, foldLarge, foldLarger] = folds as [number, number, number];
  const held = heldBy(() =>
    large.events.reduce(conversationDecider.evolve, conversationDecider.initialState()),
  );
  const size = (state: ConversationState) => `${state.tree.nodes.size} messages, ${branches(state)} branches`;
  report(`conversation tree: ${size(large.state)} (baseline ${size(small.state)}, every bounded list full)`, [
    ...Object.entries(times).map(([name, t]) => ({
      name,
      value: us(t.large),
      baseline: us(t.small),
      ratio: t.large / t.small,
      target: "≈1×",
    })),
    {
      name: "folding the stream, per event",
      value: us(foldLarge),
      baseline: us(foldSmall),
      ratio: foldLarge / foldSmall,
    },
    {
      name: "… at 40,000 messages, per event",
      value: us(foldLarger),
      baseline: `${us(foldLarge)} at 10,000`,
      ratio: foldLarger / foldLarge,
      target: "≈1×",
    },
    {
      name: "state held, per message",
      value: `${Math.round(held / large.state.tree.nodes.size)} bytes (${(held / 1_048_576).toFixed(1)} MiB in all)`,
    },
  ]);
}
