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

  it("counts an expected reply as a turn until the reply with its key begins, then that one's first words", async () => {
    const turns = new TurnPriority({ longestWaitMs: 60_000 });
    turns.expect("r1");
    turns.expect("r2");
    expect(turns.turns).toBe(2);
    const first = turns.begin("r1");
    expect(turns.turns).toBe(2);
    const other = turns.begin("elsewhere");
    expect(turns.turns).toBe(3);
    first();
    other();
    expect(turns.turns).toBe(1);
    turns.begin("r2")();
    expect(turns.turns).toBe(0);
  });

  it("forgets an expected reply when it is called off or the longest wait passes", async () => {
    const turns = new TurnPriority({ longestWaitMs: 20 });
    const calledOff = turns.expect("r1");
    calledOff();
    calledOff();
    expect(turns.turns).toBe(0);
    turns.expect("r2");
    expect(turns.turns).toBe(1);
    await until(() => turns.turns === 0);
    // A reply that begins after its expectation lapsed counts once, as its own turn.
    const late = turns.begin("r2");
    expect(turns.turns).toBe(1);
    late();
    expect(turns.turns).toBe(0);
  });

  it("lets a few replies work toward their first words at once, the others in the order they asked", async () => {
    const turns = new TurnPriority({ places: 2 });
    const order: string[] = [];
    const first = await turns.place();
    await turns.place();
    void turns.place().then(() => order.push("third"));
    void turns.place().then(() => order.push("fourth"));
    // Work done in one go, with no read to wait for, keeps its place to the end.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(order).toEqual([]);
    // A place is given up once: the second call of the same leave frees nothing more.
    first();
    first();
    await until(() => order.length === 2);
    expect(order).toEqual(["third", "fourth"]);
  });

  it("gives a place up when the event loop comes round while it is held: its reply waits, it does not work", async () => {
    const turns = new TurnPriority({ places: 1 });
    await turns.place();
    let next = false;
    void turns.place().then(() => {
      next = true;
    });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(next).toBe(false);
    await nextLoopTurn();
    await until(() => next);
  });
});
