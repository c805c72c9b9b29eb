import { describe, expect, it } from "vitest";
import { buildReplyPrompt } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { estimateTokens } from "../../../src/application/prompt/tokenBudget.ts";
import { miaInput, onceScenario } from "./promptFixtures.ts";

const longText = (label: string) => `${label} ${"and then something else happened ".repeat(12)}`;

describe("buildReplyPrompt", () => {
  it("renders a system message, the history as turns, and the person's message last", () => {
    const prompt = buildReplyPrompt(
      miaInput({
        recentMessages: [
          { author: "person", text: "morning!", at: "2025-05-02T08:00:00Z" },
          { author: "agent", text: "Morning, Sam!", at: "2025-05-02T08:00:05Z" },
        ],
      }),
    );
    expect(prompt.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(prompt.messages.at(-1)).toEqual({ role: "user", content: "hey! how are you?" });
  });

  it("keeps what the person had forgotten out of the history the model reads, and marks what they corrected", () => {
    const prompt = buildReplyPrompt(
      miaInput({
        recentMessages: [
          {
            author: "person",
            text: "My ex is called Jonas.",
            at: "2025-05-02T08:00:00Z",
            superseded: "forgotten",
          },
          { author: "agent", text: "Noted.", at: "2025-05-02T08:00:05Z" },
          { author: "person", text: "My cat is Miso.", at: "2025-05-02T08:01:00Z", superseded: "corrected" },
        ],
      }),
    );
    const history = prompt.messages.slice(1).map((m) => m.content);
    expect(history.join("\n")).not.toContain("Jonas");
    expect(history[0]).toMatch(/asked you to forget/);
    expect(history[2]).toMatch(/^My cat is Miso\.\n\(They have since corrected this/);
  });

  it("puts persona, identity, local time, weather, mood, affinity and memories in the system message", () => {
    const system = buildReplyPrompt(miaInput()).messages[0]!.content;
    expect(system).toContain("You are Mia Rossi. A warm illustrator who notices small things.");
    expect(system).toContain("You are an illustrator living in Lisbon, Portugal.");
    expect(system).toContain("Right now it is Friday 19:30 for you (evening, Europe/Lisbon)");
    expect(system).toMatch(/Outside: .+°C — a spring evening in Lisbon\./);
    expect(system).toContain("You feel quite playful.");
    expect(system).toContain("Toward Sam you are close; you trust them (45 on a scale from -100 to 100).");
    expect(system).toContain("- Sam's sister is called Ana.");
    expect(system).toContain("Went to a pottery class");
    expect(system).toContain("You love: pottery, film photography, bouldering.");
  });

  it("shows a model the replies already given in this one's place, newest three and cut short, so it writes another", () => {
    const earlier = ["First try.", "Second\n try.", "Third try.", `Fourth ${"very ".repeat(100)}long try.`];
    const system = buildReplyPrompt(miaInput({ earlierAlternatives: earlier })).messages[0]!.content;
    expect(system).toContain("write a different one");
    expect(system).not.toContain('"First try."');
    expect(system).toContain('- "Second try."');
    expect(system).toContain('- "Third try."');
    expect(system).toMatch(/- "Fourth (very ){50,}.*…"/);
    expect(system).not.toContain("long try.");
    expect(buildReplyPrompt(miaInput()).messages[0]!.content).not.toContain("write a different one");
  });

  it("always includes the self-reference guard, shaped by selfDescribesAsAI", () => {
    const system = buildReplyPrompt(miaInput()).messages[0]!.content;
    expect(system).toContain('Never refer to yourself as "Mia Rossi" or in the third person');
    expect(system).toContain("Never call yourself an AI, a language model");
    const openly = buildReplyPrompt(
      miaInput({ persona: { ...miaInput().persona, selfDescribesAsAI: true } }),
    );
    expect(openly.messages[0]!.content).toContain("You are openly an AI companion");
    expect(openly.messages[0]!.content).not.toContain("Never call yourself an AI");
  });

  it("reports availability, local time and weather in the metadata", () => {
    const prompt = buildReplyPrompt(miaInput());
    expect(prompt.metadata).toMatchObject({
      availability: { status: "free", replyMode: "normal" },
      localTime: "Friday 19:30",
      overBudget: false,
    });
    expect(prompt.metadata.weather).toBe(prompt.context.weather.phrase);
    expect(prompt.context.localTime).toMatchObject({
      weekday: "Friday",
      partOfDay: "evening",
      date: "2025-05-02",
    });
  });

  it("tells the model to be brief while a scenario runs, and names it", () => {
    const prompt = buildReplyPrompt(
      miaInput({
        scenarios: [
          onceScenario(
            "A friend's gallery opening",
            "helping hang prints",
            "2025-05-02T17:00:00Z",
            "2025-05-02T21:00:00Z",
          ),
          onceScenario("Old exhibition", "over", "2025-04-01T10:00:00Z", "2025-04-01T12:00:00Z"),
        ],
      }),
    );
    expect(prompt.metadata.availability.status).toBe("busy");
    expect(prompt.context.activeScenarios).toEqual([
      { title: "A friend's gallery opening", description: "helping hang prints" },
    ]);
    expect(prompt.messages[0]!.content).toContain(
      "You are busy (in the middle of: A friend's gallery opening)",
    );
  });

  it("answers a message from the night on waking up, and drowsily when it is answered while asleep", () => {
    const night = "2025-05-03T01:30:00.000Z";
    // An illustrator sleeps until 07:30 in Lisbon (06:30 UTC in May).
    const morning = new Date("2025-05-03T06:50:00Z");
    const woke = buildReplyPrompt(miaInput({ now: morning, affinity: 10, messageSentAt: night }));
    expect(woke.metadata.availability).toMatchObject({
      status: "free",
      replyMode: "deferred",
      deferUntil: "2025-05-03T06:30:00.000Z",
    });
    expect(woke.messages[0]!.content).toContain(
      "You were asleep when this arrived and have just woken up (at 07:30)",
    );
    const hoursLater = buildReplyPrompt(
      miaInput({ now: new Date("2025-05-03T12:00:00Z"), affinity: 10, messageSentAt: night }),
    );
    expect(hoursLater.metadata.availability.replyMode).toBe("normal");
    const secondOfTheNight = buildReplyPrompt(
      miaInput({
        now: morning,
        affinity: 10,
        messageSentAt: night,
        latestAgentMessageAt: "2025-05-03T06:49:00Z",
      }),
    );
    expect(secondOfTheNight.metadata.availability.replyMode).toBe("normal");
    const stillAsleep = buildReplyPrompt(
      miaInput({ now: new Date(night), affinity: 10, messageSentAt: night }),
    );
    expect(stillAsleep.metadata.availability).toMatchObject({ status: "asleep", replyMode: "sleepy" });
    expect(stillAsleep.metadata.availability.deferUntil).toBeUndefined();
    const close = buildReplyPrompt(miaInput({ now: new Date(night), affinity: 70 }));
    expect(close.messages[0]!.content).toContain("The message woke you up");
  });

  it("shows the right local time on a DST change day", () => {
    const berlin = miaInput({
      identity: { homeCity: "Berlin", country: "Germany", occupation: "barista", timezone: "Europe/Berlin" },
      now: new Date("2025-03-30T08:00:00Z"),
    });
    expect(buildReplyPrompt(berlin).metadata.localTime).toBe("Sunday 10:00");
    const newYork = miaInput({
      identity: { homeCity: "New York", country: "USA", occupation: "nurse", timezone: "America/New_York" },
      now: new Date("2025-11-02T15:00:00Z"),
    });
    expect(buildReplyPrompt(newYork).metadata.localTime).toBe("Sunday 10:00");
  });

  it("trims to the budget: oldest messages and weakest memories go first", () => {
    const recentMessages = Array.from({ length: 30 }, (_, i) => ({
      author: i % 2 === 0 ? ("person" as const) : ("agent" as const),
      text: longText(`message ${i}`),
      at: `2025-05-02T10:${String(i).padStart(2, "0")}:00Z`,
    }));
    const memories = Array.from({ length: 10 }, (_, i) => ({
      id: `mem-${i}`,
      text: longText(`memory ${i}`),
      score: i / 10,
    }));
    const prompt = buildReplyPrompt(miaInput({ recentMessages, memories, maxPromptTokens: 1500 }));
    const kept = prompt.context.recentMessages.map((m) => m.text.split(" ").slice(0, 2).join(" "));
    expect(kept.at(-1)).toBe("message 29");
    expect(kept[0]).not.toBe("message 0");
    expect(prompt.metadata.context.messages.dropped[0]).toBe("message:0");
    expect(prompt.metadata.context.memories.dropped[0]).toBe("mem-0");
    expect(prompt.context.memories.map((m) => m.id)).toContain("mem-9");
    expect(prompt.metadata.estimatedTokens).toBeLessThanOrEqual(1500);
    expect(prompt.metadata.overBudget).toBe(false);
    const recount = prompt.messages.reduce((sum, m) => sum + estimateTokens(m.content) + 4, 0);
    expect(recount).toBe(prompt.metadata.estimatedTokens);
  });

  it("keeps persona, guard and the person's message even when nothing else fits", () => {
    const prompt = buildReplyPrompt(
      miaInput({
        recentMessages: [{ author: "person", text: longText("old"), at: "2025-05-02T10:00:00Z" }],
        maxPromptTokens: 50,
      }),
    );
    expect(prompt.messages).toHaveLength(2);
    expect(prompt.messages[0]!.content).toContain("You are Mia Rossi");
    expect(prompt.messages[0]!.content).toContain("Stay in character");
    expect(prompt.messages[1]!.content).toBe("hey! how are you?");
    expect(prompt.context.memories).toEqual([]);
    expect(prompt.metadata.overBudget).toBe(true);
  });

  it("tells the model the person's own hour when their profile has a time zone", () => {
    const now = new Date("2025-05-02T20:49:00Z");
    const theirs = buildReplyPrompt(miaInput({ now, personTimezone: "America/New_York" }));
    expect(theirs.context.personLocalTime).toEqual({
      label: "Friday 16:49",
      hour: 16,
      partOfDay: "afternoon",
    });
    expect(theirs.messages[0]!.content).toContain("For Sam it is Friday 16:49 (afternoon)");
    const unknown = buildReplyPrompt(miaInput({ now }));
    expect(unknown.context.personLocalTime).toBeNull();
    expect(unknown.messages[0]!.content).not.toContain("For Sam it is");
  });
});
