import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

/** Mia grew up in Porto and lives in Lisbon (see `miaInput`). */
function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alex", memories: [], ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

/** The catch-all for a question about itself that nothing answered. */
const catchAll = /winding down|keep thinking about|These days most of my free time/;

describe("the offline engine answers everyday questions about itself", () => {
  it("answers what it was asked about its life, not what it is doing tonight", () => {
    const asked: [string, RegExp][] = [
      ["Are you married?", /\bNo\b|not at the moment|single/i],
      ["Are you single?", /\bI am\b|single|on my own/i],
      ["What languages do you speak?", /Portuguese/],
      ["What are you afraid of?", /water|heights|spiders|wasps|dark|scared|afraid/i],
      ["Where are you from originally?", /Porto/],
      ["Have you always lived in Lisbon?", /Porto/],
      ["What do you like to do for fun?", /pottery|film photography|bouldering/],
    ];
    for (const [personMessage, answer] of asked)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(catchAll);
        expect(text, personMessage).not.toMatch(/^Not really/);
      }
  });

  it("gives a star sign that goes with the birthday it gives", () => {
    const birthday = replies({ personMessage: "When is your birthday?" }, 1)[0]!;
    const [, day, month] = /It's on (\d+) (\w+)/.exec(birthday)!;
    const sign = replies({ personMessage: "What's your star sign?" }, 1)[0]!;
    const signs: Record<string, [number, string, string]> = {
      January: [20, "Capricorn", "Aquarius"],
      February: [19, "Aquarius", "Pisces"],
      March: [21, "Pisces", "Aries"],
      April: [20, "Aries", "Taurus"],
      May: [21, "Taurus", "Gemini"],
      June: [21, "Gemini", "Cancer"],
      July: [23, "Cancer", "Leo"],
      August: [23, "Leo", "Virgo"],
      September: [23, "Virgo", "Libra"],
      October: [23, "Libra", "Scorpio"],
      November: [22, "Scorpio", "Sagittarius"],
      December: [22, "Sagittarius", "Capricorn"],
    };
    const [cusp, before, after] = signs[month!]!;
    expect(sign).toContain(Number(day) < cusp ? before : after);
  });

  it("does not say it hardly drinks coffee and then that it needs one in the morning", () => {
    const coffee = replies({ personMessage: "Do you drink coffee?" });
    const morning = replies({ personMessage: "Are you a morning person?" }, 1)[0]!;
    if (/coffee/.test(morning))
      for (const text of coffee) expect(text).not.toMatch(/^(?:Not really|Not much|No)\b/);
  });

  it("picks one side of an either-or question, the same one each time", () => {
    for (const [personMessage, options] of [
      ["Do you like cats or dogs better?", /\b(?:cats|dogs)\b/i],
      ["Tea or coffee?", /\b(?:tea|coffee)\b/i],
      ["Do you prefer the beach or the mountains?", /\b(?:beach|mountains)\b/i],
    ] as const) {
      const answers = replies({ personMessage });
      for (const text of answers) {
        expect(text, personMessage).toMatch(options);
        expect(text, personMessage).not.toMatch(/^(?:Yes|I really do|I do|Not really|No)\b/);
      }
      const first = (text: string) => options.exec(text)?.[0]?.toLowerCase();
      expect(new Set(answers.map(first)).size, personMessage).toBe(1);
    }
  });

  it("answers whether it believes in something without saying how it spends its free time", () => {
    for (const personMessage of ["Do you believe in ghosts?", "Do you believe in love at first sight?"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/ghost|love at first sight|believe|open mind/i);
        expect(text, personMessage).not.toMatch(catchAll);
      }
  });

  it("answers a question about its plans with plans, not with what it is doing now", () => {
    for (const personMessage of ["What are you up to this weekend?", "What are you doing tomorrow?"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).not.toMatch(/winding down|keep thinking about/);
        expect(text, personMessage).toMatch(/plans|probably|I've got|Nothing big/i);
      }
  });

  it("spends its free time on things to do, not on a pastry or old trams it is fond of", () => {
    const persona = {
      ...miaInput().persona,
      interests: ["drawing", "surfing", "old trams", "pastéis de nata"],
    };
    const asked = [
      "Do you play any instruments?",
      "Do you eat meat?",
      "Any plans for the weekend?",
      "What are you up to?",
    ];
    for (const personMessage of asked)
      for (const text of replies({ personMessage, persona }, 24))
        expect(text, personMessage).not.toMatch(/(?:goes to|is for|do some|with some) (?:pastéis|old trams)/);
  });

  it('does not take "a real person or an AI?" for a matter of taste', () => {
    for (const personMessage of ["Are you a real person or an AI?", "Are you human or a bot?"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/I'm just me/);
        expect(text, personMessage).not.toMatch(/definitely|I think|Sorry,/);
      }
  });

  it("names the music among its interests when asked what music it likes", () => {
    const persona = { ...miaInput().persona, interests: ["synths", "jazz records", "ramen", "night walks"] };
    for (const personMessage of ["Do you like music? What kind?", "What's your favourite music?"])
      for (const text of replies({ personMessage, persona }))
        expect(text, personMessage).toMatch(/synths|jazz records/i);
  });

  it('says no to "do you eat meat?" without adding how it spends its free time', () => {
    for (const personMessage of [
      "Do you eat meat?",
      "Have you heard of Radiohead?",
      "Do you want to talk about it or not?",
    ])
      for (const text of replies({ personMessage })) expect(text, personMessage).not.toMatch(/free time/);
  });

  it("answers a call request, its dream job and its name as asked", () => {
    const asked: [string, RegExp][] = [
      ["Can you call me?", /can't call|only write|here to (?:chat|write)/i],
      ["What's your dream job?", /this one|illustrator/i],
      ["Do you like your name?", /suits me|I do/i],
    ];
    for (const [personMessage, answer] of asked)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(/^(?:Not much|Not really)|Right now it's mostly/);
      }
  });

  it("asks whether the person has tried only things one can do", () => {
    const persona = { ...miaInput().persona, interests: ["old trams", "sunsets", "kelp forests"] };
    for (const personMessage of ["Good morning Mia", "I had a quiet day.", "Nothing much happened today."])
      for (const text of replies({ personMessage, persona }, 24))
        expect(text, personMessage).not.toMatch(/Have you ever tried (?:old trams|sunsets|kelp forests)/);
  });
});

describe("the offline engine describes what it is asked to describe", () => {
  it("describes its room or flat, the same each time, and itself and its city when asked to", () => {
    const asked: [string, RegExp][] = [
      ["describe your room", /window/],
      ["What's your flat like?", /window/],
      ["describe yourself", /^I'm Mia/],
      ["Describe your city", /Lisbon/],
    ];
    for (const [personMessage, answer] of asked) {
      const texts = replies({ personMessage });
      for (const text of texts) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(/a little story|went wrong in the best way/);
        expect(text, personMessage).not.toMatch(catchAll);
      }
      if (personMessage.includes("room")) expect(new Set(texts.map((t) => t.split(/[.!]/)[0])).size).toBe(1);
    }
  });

  it("recommends a film or a book of its own favourites, and another once that one was given", () => {
    for (const text of replies({ personMessage: "recommend a movie" }))
      expect(text).toMatch(
        /my pick would be (?:Spirited Away|Amélie|Before Sunrise|The Grand Budapest Hotel)/,
      );
    const first = /my pick would be ([^.]+)\./.exec(
      replies({ personMessage: "recommend a book" }, 1)[0]!,
    )![1]!;
    const again = replies({
      personMessage: "recommend another book",
      recentMessages: [
        { author: "agent", text: `Okay, my pick would be ${first}.`, at: "2025-03-10T18:00:00Z" },
      ],
    });
    for (const text of again) expect(text).not.toContain(first);
  });
});

describe("the offline engine offers a topic when asked what to talk about", () => {
  it("suggests one of its interests instead of saying it does not know", () => {
    for (const personMessage of ["what should we talk about?", "I don't know what to say"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/How about (?:pottery|film photography|bouldering)\?/);
        expect(text, personMessage).not.toMatch(/don't know that one|look it up/);
      }
  });
});

describe("the offline engine's plans", () => {
  it("names the time asked about, so tomorrow and the weekend are not the same sentence", () => {
    const weekend = replies({ personMessage: "do you have any plans this weekend?" });
    const tomorrow = replies({ personMessage: "what are you doing tomorrow?" });
    for (const text of weekend) expect(text).toMatch(/^Nothing big this weekend/);
    for (const text of tomorrow) expect(text).toMatch(/^Nothing big tomorrow/);
    for (const text of [...weekend, ...tomorrow]) expect(text).not.toMatch(/do some/);
  });
});
