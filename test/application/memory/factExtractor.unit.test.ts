import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/application/memory/factExtractor.ts";
import {
  heldOutSentences,
  type LabelledSentence,
  labelledSentences,
  laterSentences,
} from "./labelledSentences.ts";

const options = { personName: "Sam", agentName: "Mira" };

function score(sentences: readonly LabelledSentence[]) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let rightKind = 0;
  const mistakes: string[] = [];
  for (const { text, kind } of sentences) {
    const facts = extractFacts(text, options);
    if (facts.length > 0 && kind) {
      truePositives++;
      if (facts.some((fact) => fact.kind === kind)) rightKind++;
      else mistakes.push(`kind ${facts.map((f) => f.kind).join(",")} ≠ ${kind}: ${text}`);
    } else if (facts.length > 0) {
      falsePositives++;
      mistakes.push(`kept: ${text} → ${facts.map((f) => f.text).join(" | ")}`);
    } else if (kind) {
      falseNegatives++;
      mistakes.push(`missed (${kind}): ${text}`);
    }
  }
  return {
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
    kindAccuracy: rightKind / Math.max(1, truePositives),
    mistakes,
  };
}

describe("offline fact extraction, scored on labelled sentences", () => {
  it.each([
    ["the labelled set", labelledSentences],
    ["the held-out set", heldOutSentences],
    ["the set written after the rules", laterSentences],
  ] as const)("keeps real facts and nothing else: %s", (name, sentences) => {
    const result = score(sentences);
    const positives = sentences.filter((s) => s.kind).length;
    console.log(
      `fact extraction on ${name} (${sentences.length} sentences, ${positives} with a fact): precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}, kind right ${result.kindAccuracy.toFixed(3)}\n  ${result.mistakes.join("\n  ")}`,
    );
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.7);
    expect(result.kindAccuracy).toBeGreaterThanOrEqual(0.8);
  });
});

describe("what a fact keeps of the person's words", () => {
  it("leaves out asking to remember it and tags like 'by the way'", () => {
    for (const [text, quote] of [
      ["remember that my favourite food is lasagne", "my favourite food is lasagne"],
      ["Please remember my sister is called Lena.", "my sister is called Lena"],
      ["don't forget that I'm allergic to nuts", "I'm allergic to nuts"],
      ["I'm a nurse by the way", "I'm a nurse"],
      ["I work nights btw", "I work nights"],
    ] as const) {
      const [fact] = extractFacts(text, options);
      expect(fact?.quote, text).toBe(quote);
    }
  });

  it("leaves out a request to the listener ('wish me luck') said with the fact", () => {
    for (const [text, quote] of [
      ["my driving test is on thursday, wish me luck!!", "my driving test is on thursday"],
      [
        "I'm running my first half marathon on saturday so keep your fingers crossed",
        "I'm running my first half marathon on saturday",
      ],
      ["I have my citizenship interview tomorrow, pray for me", "I have my citizenship interview tomorrow"],
    ] as const) {
      const facts = extractFacts(text, options);
      expect(
        facts.map((f) => f.quote),
        text,
      ).toEqual([quote]);
      expect(facts[0]?.text, text).not.toMatch(/luck|fingers|pray/i);
    }
  });
});

describe("what is worth remembering of what is under way", () => {
  it("keeps a language being learnt, and not a feeling of tonight", () => {
    expect(extractFacts("I'm learning Japanese", options)).toHaveLength(1);
    expect(extractFacts("I'm feeling lonely tonight", options)).toEqual([]);
  });
});

describe("a pet's name told in the next sentence", () => {
  it("is the name of the pet told of just before", () => {
    const texts = (said: string) => extractFacts(said, { personName: "Sam" }).map((fact) => fact.text);
    expect(texts("i got a new puppy!! his name is Waffles").join(" ")).toMatch(/puppy.*Waffles/);
    expect(texts("We got a kitten. Her name is Mochi.").join(" ")).toMatch(/kitten.*Mochi/);
  });
});

describe("an appointment told with a time of day", () => {
  const plans = (said: string) =>
    extractFacts(said, options)
      .filter((fact) => fact.kind === "plan")
      .map((fact) => fact.text);

  it("is a plan of the person's, with or without an 'I have'", () => {
    expect(plans("physio appointment at quarter past five")).toEqual([
      "Sam has a physio appointment at quarter past five",
    ]);
    expect(plans("just got a phone interview at 1:30pm")).toEqual(["Sam has a phone interview at 1:30pm"]);
    expect(plans("I've got a driving test at 8")).toHaveLength(1);
  });

  it("is a plan when only whom they see is named ('orthodontist at 2:15')", () => {
    expect(plans("orthodontist at 2:15")).toEqual(["Sam has an orthodontist appointment at 2:15"]);
    expect(plans("chiropractor's tomorrow at half nine")).toEqual([
      "Sam has a chiropractor appointment tomorrow at half nine",
    ]);
    expect(plans("the orthodontist at 2 was painful")).toEqual([]);
  });

  it("is a plan when it is a journey that leaves at a time", () => {
    expect(plans("coach to Glasgow at 10:05")).toEqual(["Sam is catching the 10:05 coach to Glasgow"]);
    expect(plans("my ferry is at quarter past eight")).toHaveLength(1);
    expect(plans("boarding closes at 4:20")).toHaveLength(1);
  });

  it("is a plan when told as 'the … is at' or 'the …'s at'", () => {
    expect(plans("the bus is at 6:40")).toEqual(["Sam's bus is at 6:40"]);
    expect(plans("the hearing's at half ten")).toEqual(["Sam's hearing is at half ten"]);
    expect(plans("the osteopath is tomorrow at 9")).toEqual(["Sam's osteopath appointment is tomorrow at 9"]);
  });

  it("says a journey as one caught, and keeps whose a closing is", () => {
    expect(plans("train to York at 7:50")).toEqual(["Sam is catching the 7:50 train to York"]);
    expect(plans("plane at 6am")).toEqual(["Sam is catching the 6am plane"]);
    expect(plans("my boarding opens at 9")).toEqual(["Sam's boarding opens at 9"]);
  });

  it("is not a plan when no time is told", () => {
    expect(plans("dentist appointments are the worst")).toEqual([]);
    expect(plans("my chiropractor is lovely")).toEqual([]);
    expect(plans("phone interview went fine")).toEqual([]);
    expect(plans("the eye test at 10 was quick")).toEqual([]);
  });
});
