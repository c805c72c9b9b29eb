import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/application/memory/factExtractor.ts";

const facts = (text: string, agentName = "Aiko") =>
  extractFacts(text, { personName: "Sam", agentName }).map((fact) => `${fact.kind}: ${fact.text}`);

describe("a name and a home town told in one breath", () => {
  it.each([
    ["i'm lukas from vienna", "Lukas is from vienna"],
    ["I'm Lukas from Vienna!", "Lukas is from Vienna"],
    ["I'm Lukas, from Vienna", "Lukas is from Vienna"],
    ["i'm lukas, originally from vienna", "Lukas is originally from vienna"],
    ["I'm Lukas 👋 from Vienna", "Lukas is from Vienna"],
    ["hey aiko im lukas from vienna", "Lukas is from vienna"],
  ])("%s", (text, place) => {
    expect(facts(text)).toEqual(["other: Sam likes to be called Lukas", `place: ${place}`]);
  });

  it("is not read into being back, home or away from somewhere", () => {
    for (const text of ["I'm back from Vienna", "I'm home from work", "I'm away from home"]) {
      expect(
        facts(text).filter((fact) => fact.startsWith("other")),
        text,
      ).toEqual([]);
    }
  });
});

describe("places told without saying 'I'", () => {
  it("keeps each place of 'originally from … but living in … now'", () => {
    expect(facts("originally from Porto but living in Lisbon now")).toEqual([
      "place: Sam is originally from Porto",
      "place: Sam is living in Lisbon now",
    ]);
    expect(facts("Originally from Porto, living in Lisbon now")).toEqual([
      "place: Sam is originally from Porto",
      "place: Sam is living in Lisbon now",
    ]);
  });

  it("leaves a remark about a place alone", () => {
    expect(facts("living in Lisbon is expensive")).toEqual([]);
  });
});

describe("a name and a job told in one breath", () => {
  it("keeps both, in capitals or not", () => {
    for (const text of ["my name's Ana and I work as a nurse", "my name's ana, i work as a nurse"]) {
      expect(facts(text), text).toEqual(["other: Sam likes to be called Ana", "work: Ana works as a nurse"]);
    }
  });
});

describe("a line that addresses the agent", () => {
  it.each([
    ["hi aiko 😊 i just moved to Lyon", "place: Sam just moved to Lyon"],
    ["aiko i just moved to lyon", "place: Sam just moved to lyon"],
    ["Aiko my brother lives in Rome", "person: Sam's brother lives in Rome"],
    ["Aiko, my sister is a nurse", "person: Sam's sister is a nurse"],
    ["hi aiko, i just moved to Lyon", "place: Sam just moved to Lyon"],
  ])("keeps what the person says of themselves: %s", (text, fact) => {
    expect(facts(text)).toEqual([fact]);
  });

  it("is read the same when the agent has a family name too", () => {
    expect(facts("hi aiko 😊 i just moved to Lyon", "Aiko Tanaka")).toEqual([
      "place: Sam just moved to Lyon",
    ]);
    expect(facts("I love Aiko", "Aiko Tanaka")).toEqual([]);
  });

  it("does not take a title or an article for the agent's first name", () => {
    expect(facts("I love the sea", "The Oracle")).toEqual(["preference: Sam loves the sea"]);
  });

  it("never takes the agent's name for the person's name or a place", () => {
    for (const text of [
      "I'm Aiko",
      "my name is aiko",
      "You can call me Aiko",
      "I'm from Aiko",
      "I'm Aiko from Vienna",
    ]) {
      expect(
        facts(text).filter((fact) => /aiko/i.test(fact)),
        text,
      ).toEqual([]);
    }
  });
});

describe("emoji", () => {
  it("a flag after a place is not part of it", () => {
    expect(facts("I'm from Vienna 🇦🇹")).toEqual(["place: Sam is from Vienna"]);
  });
});
