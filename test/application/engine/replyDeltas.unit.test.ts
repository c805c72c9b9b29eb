import { describe, expect, it } from "vitest";
import { ReplyDeltas } from "../../../src/application/engine/replyDeltas.ts";

function recorder() {
  const sent: { text: string; index: number }[] = [];
  let firstWords = 0;
  const deltas = new ReplyDeltas(
    async (text, index) => {
      sent.push({ text, index });
    },
    () => firstWords++,
  );
  return { sent, deltas, firstWords: () => firstWords };
}

const nextLoopTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("ReplyDeltas", () => {
  it("joins the pieces released in one turn of the loop, the first included, into one delta", async () => {
    const { sent, deltas, firstWords } = recorder();
    await deltas.show("Hi there.");
    await deltas.show(" How are you?");
    await deltas.show(" I'm fine.");
    await deltas.show("");
    await nextLoopTurn();
    expect(sent).toEqual([{ text: "Hi there. How are you? I'm fine.", index: 0 }]);
    expect(firstWords()).toBe(1);
  });

  it("sends the first words at the end of their turn, without waiting for the rest", async () => {
    const { sent, deltas, firstWords } = recorder();
    await deltas.show("Hi there.");
    await nextLoopTurn();
    expect(sent).toEqual([{ text: "Hi there.", index: 0 }]);
    expect(firstWords()).toBe(1);
  });

  it("sends what is waiting when flushed, once", async () => {
    const { sent, deltas } = recorder();
    await deltas.show("All of it.");
    await deltas.flush();
    await nextLoopTurn();
    expect(sent).toEqual([{ text: "All of it.", index: 0 }]);
  });

  it("sends pieces that arrive in turns of their own as they come, in order", async () => {
    const { sent, deltas } = recorder();
    await deltas.show("One.");
    await nextLoopTurn();
    await deltas.show(" Two.");
    await nextLoopTurn();
    expect(sent.map((d) => d.text)).toEqual(["One.", " Two."]);
    await deltas.show(" Three.");
    await deltas.flush();
    expect(sent).toEqual([
      { text: "One.", index: 0 },
      { text: " Two.", index: 1 },
      { text: " Three.", index: 2 },
    ]);
  });

  it("forgets what waits when the reply fails", async () => {
    const { sent, deltas } = recorder();
    await deltas.show("Shown.");
    await nextLoopTurn();
    await deltas.show(" Never shown.");
    await deltas.drop();
    await nextLoopTurn();
    expect(sent.map((d) => d.text)).toEqual(["Shown."]);
  });
});
