import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  OpenAiReplyModel,
  type OpenAiReplyModelOptions,
} from "../../../src/adapters/openai/openAiReplyModel.ts";
import { ReplyModelError, type ReplyRequest, type ReplyStreamEvent } from "../../../src/ports/replyModel.ts";
import { type OpenAiFake, startOpenAiFake } from "../../support/fakes/openAiFake.ts";

const request: ReplyRequest = {
  messages: [
    { role: "system", content: "You are Mia." },
    { role: "user", content: "hi!" },
  ],
  maxTokens: 120,
  temperature: 0.8,
  seed: 7,
};

async function drain(stream: AsyncIterable<ReplyStreamEvent>) {
  const events: ReplyStreamEvent[] = [];
  try {
    for await (const event of stream) events.push(event);
    return { events, error: null };
  } catch (error) {
    return { events, error: error as ReplyModelError };
  }
}

const deltasOf = (events: ReplyStreamEvent[]) =>
  events.flatMap((event) => (event.type === "delta" ? [event.text] : []));

describe("OpenAiReplyModel (SDK against a local Chat Completions fake)", () => {
  let fake: OpenAiFake;
  let waits: number[];
  beforeAll(async () => {
    fake = await startOpenAiFake();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    waits = [];
  });

  const model = (options: Partial<OpenAiReplyModelOptions> = {}) =>
    new OpenAiReplyModel({
      apiKey: fake.apiKey,
      baseURL: fake.url,
      model: "gpt-test",
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...options,
    });

  it("streams deltas that add up to the final text, with usage", async () => {
    fake.script({
      kind: "reply",
      deltas: ["Hel", "lo", " there!"],
      usage: { promptTokens: 12, completionTokens: 3 },
    });
    const { events, error } = await drain(model().streamReply(request));
    expect(error).toBeNull();
    expect(deltasOf(events)).toEqual(["Hel", "lo", " there!"]);
    expect(events.at(-1)).toEqual({
      type: "done",
      text: "Hello there!",
      model: "gpt-test",
      usage: { promptTokens: 12, completionTokens: 3 },
      finishReason: "stop",
    });
    expect(events.filter((event) => event.type === "done")).toHaveLength(1);
    expect(fake.requests[0]!.authorization).toBe("Bearer sk-test");
    expect(fake.requests[0]!.body).toMatchObject({
      model: "gpt-test",
      stream: true,
      stream_options: { include_usage: true },
      messages: request.messages,
      temperature: 0.8,
      seed: 7,
      max_tokens: 120,
    });
    expect(model().describe()).toEqual({ adapter: "openai", model: "gpt-test" });
  });

  it("reports a length finish", async () => {
    fake.script({ kind: "reply", deltas: ["Once", " upon"], finishReason: "length" });
    const { events } = await drain(model().streamReply(request));
    expect(events.at(-1)).toMatchObject({ type: "done", text: "Once upon", finishReason: "length" });
  });

  it("fails a stream cut off mid-way as interrupted, without retrying after text was sent", async () => {
    fake.script({ kind: "reply", deltas: ["I ", "was ", "saying ", "that"], cutAfter: 2 });
    const { events, error } = await drain(model().streamReply(request));
    expect(deltasOf(events)).toEqual(["I ", "was "]);
    expect(error).toBeInstanceOf(ReplyModelError);
    expect(error!.kind).toBe("interrupted");
    expect(error!.message).toMatch(/send the message again/);
    expect(fake.requests).toHaveLength(1);
  });

  it("retries a stream that breaks before its first token", async () => {
    fake.script({ kind: "reply", deltas: ["lost"], cutAfter: 0 }, { kind: "reply", deltas: ["found"] });
    const { events, error } = await drain(model().streamReply(request));
    expect(error).toBeNull();
    expect(events.at(-1)).toMatchObject({ type: "done", text: "found" });
    expect(fake.requests).toHaveLength(2);
  });

  it("waits as long as retry-after says after a 429, then succeeds", async () => {
    fake.script(
      {
        kind: "error",
        status: 429,
        type: "requests",
        message: "Rate limit reached",
        headers: { "retry-after": "1" },
      },
      { kind: "reply", deltas: ["made ", "it"] },
    );
    const { events, error } = await drain(model().streamReply(request));
    expect(error).toBeNull();
    expect(events.at(-1)).toMatchObject({ type: "done", text: "made it" });
    expect(waits).toEqual([1000]);
    expect(fake.requests).toHaveLength(2);
  });

  it("sleeps on its own timer when no sleep is given", async () => {
    fake.script(
      { kind: "error", status: 429, headers: { "retry-after-ms": "10" } },
      { kind: "reply", deltas: ["ok"] },
    );
    const { events } = await drain(model({ sleep: undefined }).streamReply(request));
    expect(events.at(-1)).toMatchObject({ type: "done", text: "ok" });
    expect(fake.requests).toHaveLength(2);
  });

  it("gives up as rate_limited after a bounded number of 429s", async () => {
    const limited = { kind: "error", status: 429, headers: { "retry-after-ms": "5" } } as const;
    fake.script(limited, limited, limited);
    const { events, error } = await drain(model({ maxAttempts: 3 }).streamReply(request));
    expect(events).toEqual([]);
    expect(error).toMatchObject({ kind: "rate_limited", retryable: true, retryAfterMs: 5 });
    expect(fake.requests).toHaveLength(3);
    expect(waits).toEqual([5, 5]);
  });

  it("hands a retry-after longer than it will wait back to the caller", async () => {
    fake.script({ kind: "error", status: 429, headers: { "retry-after": "120" } });
    const { error } = await drain(model({ maxRetryDelayMs: 10_000 }).streamReply(request));
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 120_000 });
    expect(fake.requests).toHaveLength(1);
  });

  it("times out when the first token is slow to come", async () => {
    // The limit covers the request's way to the fake too: on a loaded machine 100 ms could run out
    // before the request arrived, which then arrived during the next test.
    fake.script({ kind: "reply", deltas: ["too", " late"], firstDeltaDelayMs: 10_000 });
    const { events, error } = await drain(model({ firstTokenTimeoutMs: 1_000 }).streamReply(request));
    expect(events).toEqual([]);
    expect(error).toMatchObject({ kind: "timeout", retryable: true });
    expect(error!.message).toMatch(/did not start replying within 1000 ms/);
    expect(fake.requests).toHaveLength(1);
  });

  it("retries a 500 and reports provider_error when it persists", async () => {
    fake.script({ kind: "error", status: 500 }, { kind: "reply", deltas: ["fine"] });
    expect((await drain(model().streamReply(request))).events.at(-1)).toMatchObject({ text: "fine" });
    expect(fake.requests).toHaveLength(2);
    fake.requests.length = 0;
    const failing = { kind: "error", status: 500 } as const;
    fake.script(failing, failing, failing);
    const { error } = await drain(model().streamReply(request));
    expect(error).toMatchObject({ kind: "provider_error", retryable: true });
    expect(fake.requests).toHaveLength(3);
  });

  it("does not retry a rejected key", async () => {
    const { error } = await drain(model({ apiKey: "sk-wrong" }).streamReply(request));
    expect(error).toMatchObject({ kind: "provider_error", retryable: false });
    expect(error!.message).toMatch(/OPENAI_API_KEY/);
    expect(fake.requests).toHaveLength(1);
  });

  it("stops when the caller aborts", async () => {
    fake.script({ kind: "reply", deltas: ["one ", "two ", "three ", "four"], deltaDelayMs: 200 });
    const controller = new AbortController();
    const events: ReplyStreamEvent[] = [];
    let caught: unknown = null;
    try {
      for await (const event of model().streamReply(request, controller.signal)) {
        events.push(event);
        controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    expect(deltasOf(events)).toEqual(["one "]);
    expect(caught).toMatchObject({ kind: "interrupted" });
  });

  it("reports a refusal", async () => {
    fake.script({ kind: "reply", deltas: [], refusal: "I can't help with that." });
    const { error } = await drain(model().streamReply(request));
    expect(error).toMatchObject({ kind: "refused", retryable: false });
  });

  it("completes in JSON mode without streaming", async () => {
    fake.script({
      kind: "reply",
      deltas: ['{"mood":', '"calm"}'],
      usage: { promptTokens: 40, completionTokens: 6 },
    });
    const result = await model().complete({
      messages: [{ role: "user", content: "judge this" }],
      json: true,
      maxTokens: 50,
      temperature: 0,
      seed: 1,
    });
    expect(result).toEqual({
      text: '{"mood":"calm"}',
      model: "gpt-test",
      usage: { promptTokens: 40, completionTokens: 6 },
      finishReason: "stop",
    });
    expect(fake.requests[0]!.body).toMatchObject({ response_format: { type: "json_object" }, stream: false });
  });

  it("retries a completion after a 503", async () => {
    fake.script(
      { kind: "error", status: 503, headers: { "retry-after-ms": "3" } },
      { kind: "reply", deltas: ["ok"] },
    );
    const result = await model().complete({
      messages: [{ role: "user", content: "sum up" }],
      json: false,
      maxTokens: 50,
      temperature: 0,
      seed: 1,
    });
    expect(result.text).toBe("ok");
    expect(waits).toEqual([3]);
  });
});
