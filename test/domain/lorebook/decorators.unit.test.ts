import { describe, expect, it } from "vitest";
import { parseDecorators } from "../../../src/domain/lorebook/decorators.ts";
import {
  type LorebookToMatch,
  matchLorebooks,
  type ScannedMessage,
} from "../../../src/domain/lorebook/matching.ts";
import type { LorebookEntry } from "../../../src/domain/lorebook/schemas.ts";
import { entry } from "./fixtures.ts";

const countTokens = (text: string) => text.split(/\s+/).filter(Boolean).length;
const book = (entries: LorebookEntry[]): LorebookToMatch => ({
  lorebookId: "b1",
  settings: { scanDepth: null, tokenBudget: null, recursiveScanning: false },
  entries,
});
const say = (...texts: string[]): ScannedMessage[] =>
  texts.map((text, i) => ({ speaker: i % 2 ? "Mira" : "Sam", text }));
const match = (e: LorebookEntry, messages: ScannedMessage[], options = {}) =>
  matchLorebooks([book([e])], messages, { countTokens, ...options }).entries;
const matched = (e: LorebookEntry, messages: ScannedMessage[], options = {}) =>
  match(e, messages, options).map((a) => a.entryId);

describe("CCv3 decorators: reading them", () => {
  it("takes leading @@ lines out of the content, trimming the newlines around them", () => {
    expect(parseDecorators("@@depth 2\n@@role user\n\nThe keep is old.\n")).toEqual({
      decorators: expect.objectContaining({ depth: 2, role: "user" }),
      content: "The keep is old.",
    });
  });

  it("ignores unknown decorators and invalid values, and counts only the first of a name", () => {
    const { decorators } = parseDecorators(
      "@@risu_only 3\n@@depth soon\n@@role king\n@@scan_depth 4\n@@scan_depth 9\nText",
    );
    expect(decorators).toMatchObject({ depth: null, role: null, scanDepth: 4 });
  });

  it("reads a @@@ fallback only when the decorator before it was not understood", () => {
    expect(parseDecorators("@@risu_only 4\n@@@depth 5\nText").decorators.depth).toBe(5);
    expect(parseDecorators("@@depth 2\n@@@depth 5\nText").decorators.depth).toBe(2);
    expect(
      parseDecorators("@@risu_only 4\n@@@agn_only 4\n@@@activate_only_every 3\nText").decorators,
    ).toMatchObject({
      activateOnlyEvery: 3,
    });
  });

  it("keeps a first line starting @@@ as text with one @ removed", () => {
    expect(parseDecorators("@@@handle on the wall").content).toBe("@@handle on the wall");
  });
});

describe("CCv3 decorators: activation", () => {
  it("@@activate_only_after N waits for the agent's Nth message", () => {
    const e = entry("late", { keys: ["tower"], content: "@@activate_only_after 3\nThe tower fell." });
    expect(matched(e, say("the tower"), { assistantMessages: 2 })).toEqual([]);
    expect(matched(e, say("the tower"), { assistantMessages: 3 })).toEqual(["late"]);
    // Without a count the decorator cannot be judged and is ignored.
    expect(matched(e, say("the tower"))).toEqual(["late"]);
  });

  it("@@activate_only_every N enters when the agent's message count is a multiple of N", () => {
    const e = entry("tide", { constant: true, content: "@@activate_only_every 3\nThe tide turns." });
    expect(matched(e, say("hi"), { assistantMessages: 4 })).toEqual([]);
    expect(matched(e, say("hi"), { assistantMessages: 6 })).toEqual(["tide"]);
  });

  it("@@scan_depth N looks for the keys in the last N messages, whatever the book says", () => {
    const e = entry("old", { keys: ["lantern"], content: "@@scan_depth 4\nThe lantern is cursed." });
    const messages = say("the lantern glows", "hm", "ok", "go on");
    expect(matched(e, messages)).toEqual(["old"]);
    const shallow = entry("old", { keys: ["lantern"], content: "@@scan_depth 1\nThe lantern is cursed." });
    expect(matched(shallow, messages)).toEqual([]);
  });

  it("@@additional_keys needs one of them as well as a key", () => {
    const e = entry("duel", { keys: ["sword"], content: "@@additional_keys duel, fight\nSwords are drawn." });
    expect(matched(e, say("my sword"))).toEqual([]);
    expect(matched(e, say("my sword, ready to FIGHT"))).toEqual(["duel"]);
  });

  it("@@exclude_keys keeps the entry out when one of them appears", () => {
    const e = entry("calm", {
      keys: ["harbour"],
      content: "@@exclude_keys storm,wreck\nThe harbour is calm.",
    });
    expect(matched(e, say("the harbour at dawn"))).toEqual(["calm"]);
    expect(matched(e, say("the harbour in a storm"))).toEqual([]);
  });

  it("@@exclude_keys keeps out an entry whose keys are patterns (use_regex) too, read as its keys are", () => {
    const e = entry("calm", {
      keys: ["harbou?r"],
      useRegex: true,
      content: "@@exclude_keys storm,wre(c)?k\nThe harbour is calm.",
    });
    expect(matched(e, say("the harbor at dawn"))).toEqual(["calm"]);
    expect(matched(e, say("the harbor in a STORM"))).toEqual([]);
    expect(matched(e, say("the harbor and a wrek"))).toEqual([]);
  });

  it("@@activate wins over @@dont_activate and every condition", () => {
    const e = entry("always", {
      keys: [],
      content: "@@dont_activate\n@@activate_only_after 9\n@@activate\nAlways.",
    });
    expect(matched(e, say("hi"), { assistantMessages: 0 })).toEqual(["always"]);
    const never = entry("never", { constant: true, content: "@@dont_activate\nNever." });
    expect(matched(never, say("hi"))).toEqual([]);
  });
});

describe("CCv3 decorators and SillyTavern's @D: where the entry goes", () => {
  it("@@depth N with @@role puts the entry among the messages", () => {
    const [found] = match(
      entry("d", { constant: true, content: "@@depth 2\n@@role assistant\nA whisper." }),
      say("hi"),
    );
    expect(found!.placement).toEqual({ at: "depth", depth: 2, role: "assistant" });
    expect(found!.content).toBe("A whisper.");
  });

  it("@@depth without a role is a system message", () => {
    const [found] = match(entry("d", { constant: true, content: "@@depth 0\nNow." }), say("hi"));
    expect(found!.placement).toEqual({ at: "depth", depth: 0, role: "system" });
  });

  it("@@position before_desc / after_desc wins over @@depth", () => {
    const [found] = match(
      entry("p", {
        constant: true,
        position: "beforeCharacter",
        content: "@@depth 3\n@@position after_desc\nAfter.",
      }),
      say("hi"),
    );
    expect(found!.placement).toEqual({ at: "character", position: "afterCharacter" });
    expect(found!.position).toBe("afterCharacter");
  });

  it("SillyTavern's @D position (4) places the entry at its depth, as its role", () => {
    const e = entry("st", { constant: true, extensions: { position: 4, depth: 1, role: 1 } });
    expect(match(e, say("hi"))[0]!.placement).toEqual({ at: "depth", depth: 1, role: "user" });
    const defaults = entry("st", { constant: true, extensions: { position: 4 } });
    expect(match(defaults, say("hi"))[0]!.placement).toEqual({ at: "depth", depth: 4, role: "system" });
  });

  it("an entry without either stays beside the character", () => {
    const e = entry("c", { constant: true, position: "afterCharacter" });
    expect(match(e, say("hi"))[0]!.placement).toEqual({ at: "character", position: "afterCharacter" });
  });
});
