import { describe, expect, it } from "vitest";
import { TurnPriority } from "../../../src/application/processing/turnPriority.ts";
import { eventually } from "../../support/coreHarness.ts";

const nextLoopTurn = () => new Promise((resolve) => setImmediate(resolve));
const until = (condition: () => boolean) => eventually(async () => condition());

describe("TurnPriority", () => {
  it("lets work go at once when no reply is waiting for its first words", async () => {
    const turns = new TurnPriority();
    let went = false;
    void turns.yieldToTurns().then(() => {
      went = true;
    });
    await until(() => went);
  });

  it("holds work back until every reply under way has shown its first words", async () => {
    const turns = new TurnPriority({ longestWaitMs: 60_000 });
    const first = turns.begin();
    const second = turns.begin();
    const order: string[] = [];
    void turns.yieldToTurns().then(() => order.push("work"));
    first();
    first();
    for (let i = 0; i < 5; i++) await nextLoopTurn();
    expect(order).toEqual([]);
    expect(turns.turns).toBe(1);
    second();
    await until(() => order.length === 1);
    expect(order).toEqual(["work"]);
    expect(turns.turns).toBe(0);
  });

  it("lets one piece of work go per turn of the loop, so a reply starting meanwhile goes first", async () => {
    const turns = new TurnPriority({ longestWaitMs: 60_000 });
    const done: number[] = [];
    let lateTurn: (() => void) | null = null;
    void turns.yieldToTurns().then(() => {
      done.push(1);
      lateTurn = turns.begin();
    });
    void turns.yieldToTurns().then(() => done.push(2));
    await until(() => done.length === 1);
    for (let i = 0; i < 5; i++) await nextLoopTurn();
    expect(done).toEqual([1]);
    lateTurn!();
    await until(() => done.length === 2);
    expect(done).toEqual([1, 2]);
  });

  it("never holds work longer than the longest wait, however busy replies keep it", async () => {
    const turns = new TurnPriority({ longestWaitMs: 20 });
    turns.begin();
    let went = false;
    void turns.yieldToTurns().then(() => {
      went = true;
    });
    await until(() => went);
    expect(turns.turns).toBe(1);
  });
});
