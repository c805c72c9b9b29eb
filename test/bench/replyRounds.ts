import { percentile } from "./support.ts";

/**
 * With `size` conversations, each round starts once every one of them has finished the one before,
 * so every round of a burst is fifty messages at once: left to itself, a burst spreads out after
 * its first round as some replies finish before others, and how far it spreads changed the figure
 * from run to run more than any change to the server. With 0, rounds start as they come.
 */
export function roundsTogether(size: number): (round: number) => Promise<void> {
  const arrived: number[] = [];
  const opened: (() => void)[] = [];
  const gates: Promise<void>[] = [];
  const gate = (round: number) => {
    gates[round] ??= new Promise<void>((resolve) => {
      opened[round] = resolve;
    });
    return gates[round];
  };
  return (round) => {
    if (size === 0) return Promise.resolve();
    arrived[round] = (arrived[round] ?? 0) + 1;
    const waiting = gate(round);
    if (arrived[round] === size) opened[round]!();
    return waiting;
  };
}

/** The median of the rounds' p50s, and the lowest and highest of them. */
export function roundMedians(byRound: number[][]): string {
  const p50s = byRound.filter((r) => r.length > 0).map((r) => percentile(r, 50));
  const sorted = [...p50s].sort((a, b) => a - b);
  const median =
    sorted.length % 2 === 1
      ? sorted[(sorted.length - 1) / 2]!
      : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return `${median.toFixed(2)} ms (${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)} ms over ${sorted.length} rounds)`;
}
