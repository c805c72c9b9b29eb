import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReply } from "../../../src/application/engine/replyWriter.ts";
import { checkSelfReference } from "../../../src/application/prompt/selfReferenceGuard.ts";
import type { ChatScriptStep } from "../../support/fakes/openAiFake.ts";
import { miaInput } from "../prompt/promptFixtures.ts";
import { startModelReplyWriter } from "./modelReplyWriter.ts";

const userId = "u-stream-guard";
const agentId = "agent-stream-guard";
const mia = { agentName: "Mia Rossi", selfDescribesAsAI: false };

/** What a model that now and then forgets its persona writes; every kind the issue saw. */
const violations = [
  "As an AI language model, I don't have feelings. But I can picture it. Honestly? Same here.",
  "I can picture it. I'm just an AI, so I can't actually taste coffee. Tell me about the café?",
  "As an AI language model, I don't have feelings.",
  "Ha, that's sweet. I'm an AI language model, so I can't go outside. I was trained by OpenAI. What's new?",
  "I'm just an AI.",
];
const clean = [
  "Oh, that sounds lovely! I spent the afternoon sketching by the river.",
  "Honestly? Same here. The café was packed, but I found a corner.",
  "Ha, I love that. Tell me everything about it?",
];

const reply = (text: string): ChatScriptStep => ({ kind: "reply", deltas: text.match(/\s*\S+/g) ?? [text] });

describe("the self-reference guard on the live stream, with a model that breaks character", () => {
  let writer: Awaited<ReturnType<typeof startModelReplyWriter>>;

  beforeAll(async () => {
    writer = await startModelReplyWriter(userId, agentId);
  });
  afterAll(async () => writer?.close());

  it("shows no violation in any delta and stores none, over 100 turns with one every 7th reply", async () => {
    const { deps, fake, seen } = writer;
    const stored: string[] = [];
    let violating = 0;
    for (let turn = 0; turn < 100; turn++) {
      const text =
        turn % 7 === 6 ? violations[violating++ % violations.length]! : clean[turn % clean.length]!;
      fake.script(reply(text));
      const replyId = `reply-${turn}`;
      const written = await writeReply(
        deps,
        {
          userId,
          agentId,
          agent: { profile: { name: "Mia Rossi", persona: { selfDescribesAsAI: false } } },
          prompt: miaInput({ personMessage: `Turn ${turn}: how was your day?` }),
        },
        replyId,
        new AbortController().signal,
      );
      stored.push(written.text);
      const deltas = await writer.shown(replyId);
      expect(deltas.map((d) => d.index)).toEqual(deltas.map((_, i) => i));
      expect(
        deltas
          .map((d) => d.text)
          .join("")
          .trim(),
        `turn ${turn}`,
      ).toBe(written.text);
    }
    expect(violating).toBeGreaterThanOrEqual(14);
    const deltas = seen.flatMap((m) => (m.kind === "reply.delta" ? [m.payload.text] : []));
    const violationsIn = (texts: readonly string[]) =>
      texts.filter(
        (text) =>
          checkSelfReference(text, mia).verdict !== "ok" ||
          /\bAI\b|language model|OpenAI|taste coffee/.test(text),
      );
    expect(violationsIn(deltas)).toEqual([]);
    expect(violationsIn(stored)).toEqual([]);
    expect(stored.every((text) => text.split(/\s+/).length >= 2)).toBe(true);
  });
});
