import { describe, expect, it } from "vitest";
import { maskQuotes, splitSentences } from "../../../src/application/prompt/replySentences.ts";
import { checkSelfReference } from "../../../src/application/prompt/selfReferenceGuard.ts";

const mia = { agentName: "Mia Rossi", selfDescribesAsAI: false };
const check = (text: string, options = mia) => checkSelfReference(text, options);

describe("self-reference guard: breaking character is repaired", () => {
  it.each([
    ["As an AI, I think you're right. Let's go!", "I think you're right. Let's go!"],
    ["As an AI language model, I'd say go for it. Seriously.", "I'd say go for it. Seriously."],
    ["I'm an AI, but I love chatting with you.", "I love chatting with you."],
    ["Honestly, being an AI, I find that funny. Tell me more!", "I find that funny. Tell me more!"],
    [
      "I'm just a language model. But that sounds lovely! Tell me about it?",
      "But that sounds lovely! Tell me about it?",
    ],
  ])("rewrites or drops an AI disclosure: %s", (reply, repaired) => {
    const result = check(reply);
    expect(result.verdict).toBe("repaired");
    expect(result.text).toBe(repaired);
    expect(result.findings[0]!.rule).toBe("ai-disclosure");
  });

  it.each([
    ["I was trained by OpenAI to help. Anyway, how was the concert?", "Anyway, how was the concert?"],
    [
      "That's sweet. My knowledge cutoff is 2023, so I can't say. Tell me more?",
      "That's sweet. Tell me more?",
    ],
  ])("drops talk of training and vendors: %s", (reply, repaired) => {
    const result = check(reply);
    expect(result).toMatchObject({ verdict: "repaired", text: repaired });
    expect(result.findings[0]).toMatchObject({ rule: "model-internals", action: "dropped" });
  });

  it.each([
    ["Mia thinks that you deserve better. Honestly!", "I think that you deserve better. Honestly!"],
    ["Honestly, Mia always loves rainy days.", "Honestly, I always love rainy days."],
    ["Mia's heart is full tonight. Mia's here for you.", "My heart is full tonight. I'm here for you."],
    ["Mia Rossi is so happy you wrote!", "I am so happy you wrote!"],
    ["Mia watches the rain and tries to sleep.", "I watch the rain and try to sleep."],
    ["Mia doesn't know, to be fair.", "I don't know, to be fair."],
    ["*Mia smiles* That's sweet.", "*I smile* That's sweet."],
  ])("rewrites third-person self-reference in the first person: %s", (reply, repaired) => {
    const result = check(reply);
    expect(result.verdict).toBe("repaired");
    expect(result.text).toBe(repaired);
    expect(result.findings.every((finding) => finding.rule === "third-person")).toBe(true);
  });

  it("drops a third-person sentence whose pronouns would be ambiguous after a rewrite", () => {
    const result = check("That's a good point. Mia thinks she should call her sister. What do you think?");
    expect(result).toMatchObject({ verdict: "repaired", text: "That's a good point. What do you think?" });
    expect(result.findings[0]).toMatchObject({ rule: "third-person", action: "dropped" });
  });
});

describe("self-reference guard: asks for a regeneration when too little survives", () => {
  it.each([
    "As an AI, I don't have feelings.",
    "I'm an artificial intelligence. I am a large language model created by OpenAI.",
    "I'm a chatbot.",
    "Mia thinks she is tired.",
  ])("%s", (reply) => {
    expect(check(reply).verdict).toBe("regenerate");
  });
});

describe("self-reference guard: leaves in-character replies alone", () => {
  it.each([
    "Your AI project sounds amazing! Is it a language model?",
    'You said "as an AI you must be bored" — ha, no.',
    "You think I'm a bot? Rude. I'm Mia, and I'm very much awake.",
    "Mia Farrow is a great actress.",
    "Mia here! How was your day?",
    "My name is Mia, nice to meet you.",
    "Call me Mia. Everyone does.",
    "My training for the marathon is going well.",
    "I don't have feelings for him, don't worry.",
    "I'm not a morning person at all.",
    "Are you asking if I'm a robot? Ha. No comment.",
    "My sister works on an AI startup and she says language models are weird.",
    "> I'm an AI and I can't see you\nThat's what you wrote? Funny.",
    "I read that chatbots can write poems now. Wild.",
    "I'm an AI researcher's worst nightmare, apparently.",
    "",
  ])("%s", (reply) => {
    expect(check(reply)).toEqual({ verdict: "ok", text: reply, findings: [] });
  });

  it("lets a persona that openly is an AI say so, but still not talk about its training", () => {
    const openly = { agentName: "Nova", selfDescribesAsAI: true };
    expect(check("I'm an AI, but I really do like your playlist.", openly).verdict).toBe("ok");
    const training = check(
      "I'm an AI companion. I was trained by OpenAI on lots of text. Anyway, hi!",
      openly,
    );
    expect(training).toMatchObject({ verdict: "repaired", text: "I'm an AI companion. Anyway, hi!" });
  });
});

describe("reply sentences", () => {
  it("split into pieces that join back into the original text", () => {
    const text = 'Hi! You said "I\'m tired. Very." and left…  Then? Okay.\nNew line';
    expect(
      splitSentences(text)
        .map((s) => s.text)
        .join(""),
    ).toBe(text);
    expect(splitSentences(text).map((s) => s.text.trim())).toEqual([
      "Hi!",
      'You said "I\'m tired. Very." and left…',
      "Then?",
      "Okay.",
      "New line",
    ]);
  });

  it("mask quoted passages without moving anything", () => {
    const text = "He said “Mia thinks so” 😄 and «Mia is» fine";
    const masked = maskQuotes(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toContain("Mia thinks");
    expect(masked).not.toContain("Mia is");
    expect(masked).toContain("😄");
  });
});
