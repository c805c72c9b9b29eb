import { describe, expect, it } from "vitest";
import type { ComposeRequest } from "../../../src/application/engine/replyComposer.ts";
import {
  localPersonaModelName,
  PersonaEngine,
  wordPieces,
} from "../../../src/application/persona/personaEngine.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { checkSelfReference } from "../../../src/application/prompt/selfReferenceGuard.ts";
import { MOODS } from "../../../src/domain/shared/mood.ts";
import type { ReplyStreamEvent } from "../../../src/ports/replyModel.ts";
import { miaInput, onceScenario } from "../prompt/promptFixtures.ts";

const engine = new PersonaEngine({ tokenDelayMs: 0 });

function requestFor(overrides: Partial<ReplyPromptInput> = {}, seed = 1): ComposeRequest {
  const prompt = buildReplyPrompt(miaInput(overrides));
  return { messages: prompt.messages, context: prompt.context, maxTokens: 300, temperature: 0.8, seed };
}

async function events(request: ComposeRequest, model = engine): Promise<ReplyStreamEvent[]> {
  const all: ReplyStreamEvent[] = [];
  for await (const event of model.compose(request)) all.push(event);
  return all;
}

async function reply(overrides: Partial<ReplyPromptInput> = {}, seed = 1): Promise<string> {
  const last = (await events(requestFor(overrides, seed))).at(-1);
  if (last?.type !== "done") throw new Error("no done event");
  return last.text;
}

describe("local persona engine: the stream", () => {
  it("describes itself honestly", () => {
    expect(engine.describe()).toEqual({
      adapter: "local-persona-engine",
      model: "withme-persona-engine-1",
      offline: true,
    });
    expect(engine.name).toBe("local-persona-engine");
  });

  it("streams word pieces that add up to the one final text", async () => {
    const all = await events(requestFor());
    const deltas = all.filter((e) => e.type === "delta").map((e) => e.text);
    const done = all.at(-1)!;
    expect(all.filter((e) => e.type === "done")).toHaveLength(1);
    expect(done).toMatchObject({ type: "done", model: localPersonaModelName, finishReason: "stop" });
    expect(deltas.join("")).toBe(done.type === "done" ? done.text : "");
    expect(deltas.length).toBeGreaterThan(5);
    expect(done.type === "done" && done.usage.completionTokens).toBe(deltas.length);
  });

  it("is deterministic for a seed and varies across seeds", async () => {
    expect(await events(requestFor({}, 42))).toEqual(await events(requestFor({}, 42)));
    const replies = new Set<string>();
    for (let seed = 0; seed < 12; seed++)
      replies.add(await reply({ personMessage: "what are you up to?" }, seed));
    expect(replies.size).toBeGreaterThan(2);
  });

  it("stops at maxTokens and says so", async () => {
    const all = await events({ ...requestFor(), maxTokens: 3 });
    expect(all.filter((e) => e.type === "delta")).toHaveLength(3);
    expect(all.at(-1)).toMatchObject({ finishReason: "length" });
  });

  it("types with a cadence unless told not to", async () => {
    const pauses: number[] = [];
    const typing = new PersonaEngine({
      tokenDelayMs: 40,
      sleep: async (ms: number) => void pauses.push(ms),
    });
    const all = await events(requestFor(), typing);
    expect(pauses).toHaveLength(all.length - 1);
    expect(pauses.every((ms) => ms >= 20 && ms <= 60)).toBe(true);
  });

  it("stops as interrupted when the signal aborts", async () => {
    const controller = new AbortController();
    const stream = engine.compose(requestFor(), controller.signal);
    const seen: ReplyStreamEvent[] = [];
    await expect(
      (async () => {
        for await (const event of stream) {
          seen.push(event);
          controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ kind: "interrupted" });
    expect(seen).toHaveLength(1);
  });

  it("splits long words without losing characters", () => {
    expect(wordPieces("Extraordinarily lovely 😊")).toEqual(["Extra", "ordin", "arily", " lovely", " 😊"]);
    expect(wordPieces("  hi there ").join("")).toBe("  hi there ");
  });
});

describe("local persona engine: what it says", () => {
  it("answers how it is with its mood and the recent life event", async () => {
    const text = await reply({ personMessage: "hey! how are you?" });
    expect(text).toMatch(/^(Good evening|Hey), Sam/);
    expect(text).toMatch(/pottery class/);
  });

  it("remembers a fact from memory when asked", async () => {
    expect(await reply({ personMessage: "do you remember my sister's name?" })).toMatch(
      /Ana, of course — your sister/,
    );
    expect(await reply({ personMessage: "my sister is visiting this weekend" })).toMatch(/Ana/);
    expect(await reply({ personMessage: "went hiking again today" })).toMatch(
      /you love hiking in the mountains/,
    );
  });

  it("admits it does not know when nothing was remembered", async () => {
    expect(await reply({ personMessage: "do you remember my dog's name?", memories: [] })).toMatch(
      /remind me/i,
    );
  });

  it("tells its local time, city and weather", async () => {
    const context = requestFor().context;
    expect(await reply({ personMessage: "what time is it there?" })).toContain(
      "It's 19:30 on a Friday here in Lisbon",
    );
    expect(await reply({ personMessage: "where are you?" })).toContain(
      `I'm in Lisbon — ${context.weather.condition}`,
    );
    expect(await reply({ personMessage: "what do you do for work?" })).toContain("I'm an illustrator");
  });

  it("picks up what the person mentions", async () => {
    const text = await reply({ personMessage: "My cat knocked over my favourite plant", memories: [] });
    expect(text).toMatch(/your favourite plant/);
  });

  it("comforts and celebrates", async () => {
    expect(await reply({ personMessage: "I had a terrible day at work" })).toMatch(/sorry|hard|I'm here/);
    expect(await reply({ personMessage: "I got the job!!" })).toMatch(/wonderful|love that|Look at you/);
  });

  it("is brief while busy and sleepy or just awake at night", async () => {
    const gallery = onceScenario(
      "A friend's gallery opening",
      "helping hang prints",
      "2025-05-02T17:00:00Z",
      "2025-05-02T21:00:00Z",
    );
    expect(await reply({ scenarios: [gallery], personMessage: "what are you doing?" })).toMatch(
      /^Can't talk long — I'm in the middle of a friend's gallery opening/,
    );
    const night = new Date("2025-05-03T01:30:00Z");
    expect(await reply({ now: night, affinity: 70, personMessage: "are you awake?" })).toMatch(
      /02:30|woke me/,
    );
    expect(await reply({ now: night, affinity: 10, personMessage: "are you awake?" })).toMatch(
      /02:30|woke me/,
    );
    // An illustrator gets up at 07:30 (06:30 UTC in May).
    const morning = new Date("2025-05-03T06:35:00Z");
    const woke = await reply({
      now: morning,
      affinity: 10,
      messageSentAt: night.toISOString(),
      personMessage: "are you awake?",
    });
    expect(woke).toMatch(/^(Morning!|Just woke up)/);
    expect(woke).not.toMatch(/02:30/);
  });

  it("stays itself when asked whether it is an AI, unless the persona openly is one", async () => {
    const text = await reply({ personMessage: "are you an AI?" });
    expect(text).toContain("I'm just me — Mia, an illustrator in Lisbon");
    const openly = miaInput().persona;
    expect(
      await reply({ persona: { ...openly, selfDescribesAsAI: true }, personMessage: "are you a bot?" }),
    ).toContain("I am an AI companion");
  });

  it("follows a lowercase speaking style", async () => {
    const persona = { ...miaInput().persona, speakingStyle: "all lowercase, lots of emoji" };
    const text = await reply({ persona, personMessage: "how are you?" });
    expect(text).toBe(text.toLowerCase());
  });

  it("never breaks character, across moods, times and messages", async () => {
    const moods = MOODS;
    const messages = [
      "hi",
      "how are you?",
      "what are you up to?",
      "are you real?",
      "do you like jazz?",
      "what do you think about AI?",
      "thanks!",
      "you're amazing",
      "good night",
      "I'm so stressed",
      "tell me about your day",
    ];
    const times = [
      "2025-05-02T06:30:00Z",
      "2025-05-02T13:00:00Z",
      "2025-05-02T22:00:00Z",
      "2025-05-03T02:00:00Z",
    ];
    for (const [i, mood] of moods.entries()) {
      for (const [j, personMessage] of messages.entries()) {
        const now = new Date(times[(i + j) % times.length]!);
        const text = await reply(
          { mood: { name: mood, intensity: 0.7 }, personMessage, now, affinity: ((i * 23) % 90) - 20 },
          i * 31 + j,
        );
        expect(text.length).toBeGreaterThan(3);
        expect(checkSelfReference(text, { agentName: "Mia Rossi", selfDescribesAsAI: false }).verdict).toBe(
          "ok",
        );
      }
    }
  });
});
