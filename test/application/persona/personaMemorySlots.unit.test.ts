import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("a question about one part of something the person told", () => {
  it("answers the name asked for first, not the whole fact again", async () => {
    const replies = await askAgent([
      "my sister Anja is visiting on Tuesday",
      "how was your day?",
      "whats my sisters name again?",
    ]);
    expect(replies[2]).toMatch(/^It's Anja, of course — your sister/);
  });

  it("says the name without the 's it was told with", async () => {
    const replies = await askAgent([
      "my girlfriend Sara's birthday is on Friday",
      "what's my girlfriend called?",
    ]);
    expect(replies[1]).toMatch(/^It's Sara, of course — your girlfriend/);
  });

  it("answers when with the time, for someone named without a 'my'", async () => {
    const replies = await askAgent([
      "my brother Luis is getting married in June",
      "what are you up to?",
      "when is Luis getting married?",
    ]);
    expect(replies[2]).toMatch(/^It's in June, of course — your brother Luis is getting married/);
    expect(replies[2]).not.toMatch(/not sure|look at you|tell me everything/i);
  });

  it("answers an either-or with the one told", async () => {
    const replies = await askAgent(["we are having a girl in March", "cool", "is it a boy or a girl?"]);
    expect(replies[2]).toMatch(/^It's a girl — you're having a girl in March/);
  });

  it("answers an either-or from the memory that names one, when another ranks first", () => {
    const context = buildReplyPrompt(
      miaInput({
        personMessage: "is it a boy or a girl?",
        memories: [
          { id: "mem-pregnant", text: "Sam's wife is pregnant with their first.", score: 0.9 },
          { id: "mem-girl", text: 'Sam said: "we are having a girl in March"', score: 0.4 },
        ],
      }),
    ).context;
    for (const seed of [1, 2, 3]) expect(composeReply(context, seed)).toMatch(/^It's a girl\b/);
  });

  it("gives two different questions about one fact two different answers", async () => {
    const replies = await askAgent([
      "my sister Anja is visiting on Tuesday",
      "when is Anja coming?",
      "whats my sisters name again?",
    ]);
    expect(replies[1]).toMatch(/Tuesday/);
    expect(replies[2]).toMatch(/Anja/);
    expect(replies[1]!.split(/[.!?]/)[0]).not.toBe(replies[2]!.split(/[.!?]/)[0]);
  });
});
