import { describe, expect, it } from "vitest";
import { PersonaEngine } from "../../../src/application/persona/personaEngine.ts";
import { buildReplyPrompt } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

const engine = new PersonaEngine({ tokenDelayMs: 0 });

/** What long-term memory holds after a while: summaries, facts in Sam's words, facts rewritten. */
const memories = [
  { id: "s1", kind: "summary", text: "Sam talked about meet, nice, nora, biscuit and feeling.", score: 0.9 },
  { id: "s2", kind: "summary", text: "Sam made small talk.", score: 0.85 },
  { id: "s3", text: "Sam talked about their dog Biscuit and the hospital.", score: 0.8 },
  { id: "f1", kind: "fact", text: "Sam has a dog called Biscuit", score: 0.7 },
  { id: "f2", kind: "fact", text: 'Sam said: "I always forget my keys by lunchtime"', score: 0.65 },
  { id: "f3", kind: "fact", text: 'Sam said: "We moved to Cork when I was ten"', score: 0.6 },
  { id: "f4", kind: "fact", text: "Sam works as a nurse at St James's hospital", score: 0.55 },
  { id: "f5", kind: "fact", text: "Sam's sister is called Ana", score: 0.5 },
] as const;

const messages = [
  "hey! how are you?",
  "do you remember my dog's name?",
  "Biscuit chewed my shoe again lol",
  "long shift at the hospital today",
  "I lost my keys again",
  "what do you remember about me?",
  "do you remember where we moved when I was a kid?",
  "my sister is coming over tomorrow",
  "what did we talk about last time?",
  "I'm feeling a bit down tonight",
  "nice to meet you properly haha",
  "do you like dogs?",
  "remember what I do for work?",
  "Ana says hi",
  "what are you up to?",
  "tell me something about yourself",
];

const boilerplate =
  /talked about|made small talk|over \d+ messages|what you remember|you told me you (?:talked|made|said)|said: "/i;

async function replyTo(personMessage: string, seed: number): Promise<string> {
  const prompt = buildReplyPrompt(miaInput({ personMessage, memories }));
  let text = "";
  for await (const event of engine.compose({
    messages: prompt.messages,
    context: prompt.context,
    maxTokens: 300,
    temperature: 0.8,
    seed,
  }))
    if (event.type === "done") text = event.text;
  return text;
}

describe("internal memory text never reaches the person", () => {
  it("over many turns, no reply quotes a summary, a stored fact or memory boilerplate", async () => {
    const replies: string[] = [];
    for (let seed = 0; seed < 12; seed++)
      for (const message of messages) replies.push(await replyTo(message, seed));
    expect(replies.length).toBeGreaterThanOrEqual(150);
    for (const reply of replies) {
      expect(reply).not.toMatch(boilerplate);
      for (const memory of memories) expect(reply).not.toContain(memory.text.replace(/[.]$/, ""));
      expect(reply).not.toMatch(/\bmeet, nice\b|\bwe moved to Cork\b/i);
    }
    // Facts still inform replies, in the agent's own words.
    expect(replies.some((reply) => reply.includes("Biscuit"))).toBe(true);
    expect(replies.some((reply) => /you always forget your keys/i.test(reply))).toBe(true);
  });
});
