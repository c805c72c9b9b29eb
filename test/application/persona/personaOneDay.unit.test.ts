import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

const DISH = /(?:had|was|probably) (.+?)(?: later)?[.!]/;
const dishIn = (reply: string) => DISH.exec(reply)?.[1] ?? null;

describe("the agent's meals", () => {
  // Lisbon: 12:30 is before lunch, 14:00 after it, 20:30 after dinner.
  const times = [
    "2025-03-10T12:30:00Z",
    "2025-03-11T14:00:00Z",
    "2025-03-12T20:30:00Z",
    "2025-03-13T12:10:00Z",
  ];

  it.each(times)("are one meal however they are asked about in one conversation (%s)", async (startsAt) => {
    const hour = new Date(startsAt).getUTCHours();
    const meal = hour >= 17 ? "dinner" : "lunch";
    const replies = await askAgent(
      ["hi", "did you eat yet?", "nice", `what did you have for ${meal}?`, "what did you eat?"],
      undefined,
      startsAt,
    );
    const dishes = [replies[1]!, replies[3]!, replies[4]!].map(dishIn);
    expect(dishes[0], replies.join(" | ")).not.toBeNull();
    expect(new Set(dishes).size, replies.join(" | ")).toBe(1);
  });

  it("are not all the same dish from one day to the next", async () => {
    const days = ["10", "11", "12", "13", "14", "15"].map((day) => `2025-03-${day}T20:30:00Z`);
    const dishes = await Promise.all(
      days.map(async (at) => dishIn((await askAgent(["what did you have for dinner?"], undefined, at))[0]!)),
    );
    expect(new Set(dishes).size).toBeGreaterThan(1);
  });
});

describe("the agent's work today", () => {
  it("is one thing however often it comes up in one day", async () => {
    for (const startsAt of ["2025-03-10T12:30:00Z", "2025-03-10T20:00:00Z"]) {
      const replies = await askAgent(
        [
          "hi",
          "what are you working on right now?",
          "how was your day?",
          "what are you working on?",
          "tell me more",
        ],
        { ...soundEngineer, name: "Mia", occupation: "illustrator" },
        startsAt,
      );
      const known = ["sketches for a new commission", "fiddling with colour palettes"].filter((task) =>
        replies.some((reply) => reply.includes(task)),
      );
      expect(known.length, replies.join(" | ")).toBeGreaterThan(0);
      expect(new Set(known).size, replies.join(" | ")).toBe(1);
    }
  });
});
