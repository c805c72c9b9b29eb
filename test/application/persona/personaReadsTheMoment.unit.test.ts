import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { messageLanguage } from "../../../src/application/persona/personaConversationLanguage.ts";
import { buildReplyPrompt } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";
import { soundEngineer } from "./dialogues/askAgent.ts";
import { daysLater, turn } from "./dialogues/dialogueTypes.ts";
import { playDialogue } from "./dialogues/playDialogue.ts";
import { smallTalkReplies } from "./dialogues/smallTalkReplies.ts";

const answers = smallTalkReplies;

// 20:00 in Lisbon and London; 12:00 for the noon cases.
const EVENING = "2026-12-02T20:00:00Z";
const NOON = "2026-12-02T12:00:00Z";

describe("a greeting that wishes the wrong part of the day", () => {
  it("is met with the hour it is, the agent's when the person's clock is unknown, theirs when known", async () => {
    expect((await answers(["good morning!"], EVENING))[0]).toMatch(
      /^Good morning\? It's evening here — good evening, Sam!/,
    );
    expect((await answers(["Good morning"], EVENING, "Europe/London"))[0]).toMatch(
      /^Good morning\? It's evening where you are — good evening, Sam!/,
    );
    expect((await answers(["good night"], NOON))[0]).toMatch(
      /^Good night\? It's only the afternoon here — off for a nap\?/,
    );
  });

  it("is met as usual when it fits the person's own hour", async () => {
    // 09:00 in Los Angeles, 17:00 for the agent.
    const [reply] = await answers(["good morning!"], "2026-12-02T17:00:00Z", "America/Los_Angeles");
    expect(reply).toMatch(/morning/i);
    expect(reply).not.toMatch(/evening|It's the afternoon/i);
    expect((await answers(["good night"], "2026-12-02T22:30:00Z"))[0]).not.toMatch(/nap/);
  });

  it("is met in each language the engine speaks", async () => {
    const cases: [string, string, RegExp][] = [
      ["buenos días", EVENING, /^¿Buenos días\? Aquí es de noche — ¡buenas noches, Sam!/],
      ["bom dia!", EVENING, /^Bom dia\? Aqui é de noite — boa noite, Sam!/],
      ["bonsoir", "2026-12-02T09:00:00Z", /^Bonsoir \? Ici, c'est le matin — bonjour, Sam !/],
      ["Guten Morgen!", "2026-12-02T21:00:00Z", /^Guten Morgen\? Hier ist es Abend — guten Abend, Sam!/],
      ["buonanotte", NOON, /^Buonanotte\? Qui è ancora pomeriggio — un pisolino\? Riposa bene, Sam!/],
      ["buenas noches", NOON, /^¿Buenas noches\? Aquí todavía es por la tarde — ¿una siesta\?/],
    ];
    for (const [said, at, met] of cases) expect((await answers([said], at))[0], said).toMatch(met);
  });
});

describe("happy news in a quiet mood", () => {
  it("is not opened with the mood's 'Mm.' or 'Ah.'", () => {
    for (const personMessage of [
      "we got a puppy",
      "I finally finished my thesis",
      "I've been learning to paint",
    ])
      for (const name of ["content", "calm", "melancholy", "tired"]) {
        const context = buildReplyPrompt(
          miaInput({ personName: "Alex", mood: { name, intensity: 0.7 }, personMessage, memories: [] }),
        ).context;
        for (let seed = 0; seed < 8; seed++)
          expect(composeReply(context, seed), `${name}: ${personMessage}`).not.toMatch(
            /^(?:Mm|Ah|Yeah|I see|Oh, okay)\b[.…]/,
          );
      }
  });
});

describe("small words that several languages say", () => {
  it("do not switch a Portuguese chat to English or Spanish", async () => {
    expect(messageLanguage("es ist spät")).toBe("de");
    const replies = await answers(
      ["Olá! Hoje estou muito cansada", "obrigado!", "De nada!", "me conta mais", "no sábado"],
      NOON,
    );
    for (const reply of replies.slice(1)) expect(reply).not.toMatch(/\b(?:the|you|I|and|que tal|qué)\b/i);
  });
});

describe("how it went, told without naming it", () => {
  it("is met as the outcome of the event the agent asked after", async () => {
    const played = await playDialogue(
      {
        person: "Sam",
        personTimezone: "Europe/London",
        agent: soundEngineer,
        startsAt: NOON,
        turns: [
          turn("hi", "greeting"),
          turn("I have my driving test on friday", "small-talk"),
          turn("bye!", "farewell"),
          daysLater(3, turn("hi again", "greeting")),
          turn("it went really well!", "small-talk"),
        ],
      },
      970,
    );
    expect(played[3]!.reply).toMatch(/How did the driving test go\?$/);
    expect(played[4]!.reply).toMatch(/the (?:driving )?test (?:went|would go) well/);
  });
});
