import { Map as ImmutableMap } from "immutable";
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/application/memory/factExtractor.ts";
import { calledNameInFacts } from "../../../src/application/prompt/calledName.ts";

const texts = (text: string, personName: string) => extractFacts(text, { personName }).map((f) => f.text);

describe("facts speak of the person by the name they introduced", () => {
  it("what follows an introduction in the same message is about the introduced name", () => {
    expect(texts("My name is Robin and I live in Oslo.", "Mobile179")).toEqual([
      "Mobile179 likes to be called Robin",
      "Robin lives in Oslo",
    ]);
  });

  it("without an introduction the account's name is used", () => {
    expect(texts("I live in Oslo.", "Mobile179")).toEqual(["Mobile179 lives in Oslo"]);
  });

  it("the latest remembered name that is not forgotten is the one used later", () => {
    expect(
      calledNameInFacts([
        { text: "Mobile179 likes to be called Rob" },
        { text: "Mobile179 lives in Oslo" },
        { text: "Mobile179 likes to be called Robin" },
        { text: "Mobile179 likes to be called Bobby", forgotten: true },
      ]),
    ).toBe("Robin");
    expect(calledNameInFacts([{ text: "Mobile179 lives in Oslo" }])).toBeNull();
  });

  it("the latest is the latest told or corrected, whatever order a conversation's map keeps its facts in", () => {
    const at = (minute: number) => `2026-05-01T10:${String(minute).padStart(2, "0")}:00.000Z`;
    const facts = Array.from({ length: 40 }, (_, i) => ({
      text: i === 7 ? "Mobile179 likes to be called Robin" : `Mobile179 likes the number ${i}`,
      recordedAt: at(i),
      correctedAt: null as string | null,
    }));
    facts.push({ text: "Mobile179 likes to be called Rob", recordedAt: at(2), correctedAt: null });
    const told = ImmutableMap(facts.map((fact, i) => [`fact-${i}`, fact] as const));
    expect(calledNameInFacts(facts)).toBe("Robin");
    expect(calledNameInFacts(told.values())).toBe("Robin");
    expect(calledNameInFacts([...told.values()].reverse())).toBe("Robin");
    const corrected = told.set("fact-40", {
      ...facts[40]!,
      text: "Mobile179 likes to be called Bo",
      correctedAt: at(50),
    });
    expect(calledNameInFacts(corrected.values())).toBe("Bo");
  });
});

describe("an introduced name is recorded whether or not the language library knows it", () => {
  it.each([
    ["I'm Oli", "Oli"],
    ["Hi, I'm Oli.", "Oli"],
    ["I am Thandiwe", "Thandiwe"],
    ["my name is Thandiwe", "Thandiwe"],
    ["call me Zofia", "Zofia"],
    ["Please call me Zofia", "Zofia"],
    ["You can call me Zofia from now on", "Zofia"],
    ["hey I'm Oli, nice to meet you", "Oli"],
  ])("%s gives the name %s", (text, name) => {
    expect(texts(text, "Mobile179")).toEqual([`Mobile179 likes to be called ${name}`]);
  });

  it.each([
    "I'm tired",
    "I'm Tired",
    "I'm from Dublin",
    "I'm a vet",
    "I'm Happy",
    "I'm Catholic",
    "I'm Vegan",
    "I'm Back",
    "I'm Home",
    "I'm Exhausted",
    "I'm OK",
    "I'm Dublin-based",
    "Call me later",
  ])("%s is not a name", (text) => {
    expect(texts(text, "Mobile179").filter((t) => t.includes("likes to be called"))).toEqual([]);
  });
});
