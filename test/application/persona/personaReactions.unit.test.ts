import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

const moods = ["joyful", "playful", "content", "affectionate", "curious", "calm", "tired"];

/** Replies over several seeds and every mood: an opener has to fit whatever mood the agent is in. */
function replies(overrides: Partial<ReplyPromptInput>, seeds = 8): string[] {
  return moods.flatMap((name) => {
    const input = miaInput({ personName: "Alex", mood: { name, intensity: 0.7 }, ...overrides });
    const context = buildReplyPrompt(input).context;
    return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
  });
}

/** Cheer, teasing and laughter: what no one wants to read after sad news. */
const cheerful =
  /\b(?:Ha|Haha\w*|Hehe|Yay|Ooh|Well, well|look at you|love this|made me smile|Nice|Tell me more)\b|!|\p{Extended_Pictographic}|°C|pottery|Have you ever tried/u;

describe("the offline engine opens a reply the way the person's message calls for", () => {
  it('"my grandmother died" gets condolence in every mood: no cheer, no exclamation, no emoji', () => {
    for (const personMessage of [
      "my grandmother died",
      "My dad passed away last night.",
      "We had to put our dog down today.",
    ]) {
      expect(readMessage(personMessage).loss, personMessage).toBe(true);
      for (const text of replies({ personMessage, memories: [] })) {
        expect(text, personMessage).toMatch(/^(?:Oh, Alex\. )?I'm so sorry/);
        expect(text, personMessage).not.toMatch(cheerful);
      }
    }
  });

  it("a pet's death is not met with whether they were close", () => {
    const texts = replies({ personMessage: "We had to put our dog down today.", memories: [] });
    expect(texts.join(" ")).toMatch(/How long did you have them|holding up|I'm here/);
    for (const text of texts) expect(text).not.toMatch(/Were you close/);
    expect(replies({ personMessage: "my grandmother died", memories: [] }).join(" ")).toMatch(
      /Were you close/,
    );
  });

  it("illness is not spoken of as a death", () => {
    for (const text of replies({ personMessage: "my grandfather has cancer", memories: [] })) {
      expect(text).toMatch(/I'm so sorry/);
      expect(text).not.toMatch(/Were you close|\bwas\b/);
      expect(text).not.toMatch(cheerful);
    }
  });

  it("bad news in a playful or joyful mood gets sympathy without exclamations or emoji", () => {
    for (const personMessage of ["I got fired today", "I had a rough day", "I'm so stressed about exams"])
      for (const text of replies({ personMessage, memories: [] })) {
        expect(text, personMessage).toMatch(/sorry|hard|I'm here/);
        expect(text, personMessage).not.toMatch(cheerful);
      }
  });

  it("news about their health gets no mood opener or emoji", () => {
    for (const personMessage of ["I'm allergic to peanuts.", "I have diabetes.", "I'm a vegetarian."])
      for (const text of replies({ personMessage, memories: [] })) {
        expect(text, personMessage).not.toMatch(/^(?:Ooh|Oh\?|Oh!|Oh, hey|Aww|Mm|Ah|\*yawns\*|Well)/);
        expect(text, personMessage).not.toMatch(/\p{Extended_Pictographic}/u);
      }
  });

  it('no opener repeats the answer\'s first word ("Oh? Oh, a brother!")', () => {
    for (const text of replies({ personMessage: "I have a brother.", memories: [] }))
      expect(text).not.toMatch(/^(?:Oh|Ooh)\W+Oh\b/);
  });

  it('laughs along when the person laughs, and a mishap gets a question about it, not "tell me more"', () => {
    for (const text of replies({ personMessage: "haha", memories: [] }))
      expect(text).toMatch(/^(?:Ha|He|Okay|That)/);
    for (const text of replies({ personMessage: "my phone died lol", memories: [] })) {
      expect(text).toMatch(/annoying|not again|frustrating/);
      expect(text).not.toMatch(/Tell me more|hear more about your phone|I'm so sorry|I'm here/);
    }
  });
});

describe("the offline engine meets relief as relief", () => {
  it('"I feel better now" is met with gladness, not congratulations', () => {
    for (const personMessage of ["I feel better now", "feeling a lot better, thanks to you"])
      for (const text of replies({ personMessage, memories: [] }, 3)) {
        expect(text, personMessage).toMatch(/glad you(?:'re feeling| feel) better/);
        expect(text, personMessage).not.toMatch(/wonderful news|celebrating|Look at you/);
      }
  });
});

describe("the offline engine asks after what can be hurt", () => {
  it("does not ask whether a late bus is okay", () => {
    for (const personMessage of ["and then my bus was late", "my train was late again"])
      for (const text of replies({ personMessage, memories: [] }, 3))
        expect(text, personMessage).not.toMatch(/Is your (?:bus|train) okay/);
  });
});
