import { describe, expect, it, vi } from "vitest";
import { isOnActivePath, visibleOnPathTo } from "../../../src/domain/conversation/decider.ts";
import { Story } from "./story.ts";

/** A conversation of `turns` turns whose last reply was answered again: the first answer is off the path. */
function longWithOldAnswer(turns: number): Story {
  const story = new Story();
  for (let turn = 0; turn < turns; turn++) story.send(`m${turn}`).reply(`r${turn}`, `m${turn}`);
  return story.regenerate(`r${turns - 1}`, "r-again", "a second answer");
}

describe("which messages were on the path to a reply", () => {
  it("answers for a reply off the active path as for one on it", () => {
    const story = longWithOldAnswer(5);
    const old = `r4`;
    expect(isOnActivePath(story.state, old)).toBe(false);
    const visible = visibleOnPathTo(story.state, old);
    expect(["m0", "r0", "m4", "r4"].map((id) => visible(id)?.id)).toEqual(["m0", "r0", "m4", "r4"]);
    expect(visible("r-again")).toBeUndefined();
    expect(visible("nowhere")).toBeUndefined();
  });

  it("walks back from a reply off the path once for the messages of a whole stretch, not once each", () => {
    const turns = 2_000;
    const story = longWithOldAnswer(turns);
    const nodes = story.state.tree.nodes;
    const gets = vi.spyOn(nodes, "get");
    const visible = visibleOnPathTo(story.state, `r${turns - 1}`);
    // Asked in the log's order, oldest first, as the memory summary and the indexer ask.
    const ids = Array.from({ length: turns }, (_, turn) => [`m${turn}`, `r${turn}`]).flat();
    expect(ids.every((id) => visible(id)?.id === id)).toBe(true);
    // A lookup per id and a step per message of the path: linear, where walking again for each
    // id would be millions of steps.
    expect(gets.mock.calls.length).toBeLessThan(4 * ids.length);
  });
});
