import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/application/memory/factExtractor.ts";

const factsIn = (text: string) =>
  extractFacts(text, { personName: "Sam", agentName: "Mia" }).map(({ kind, text }) => `${kind}: ${text}`);

describe("facts told in German, Spanish or French", () => {
  it("keeps where the person is from, lives and what they are called", () => {
    expect(factsIn("ich komme aus Wien")).toEqual(["place: Sam is from Wien"]);
    expect(factsIn("j'habite à Lyon")).toEqual(["place: Sam lives in Lyon"]);
    expect(factsIn("soy de Madrid")).toEqual(["place: Sam is from Madrid"]);
    expect(factsIn("me llamo Ana")).toEqual(["other: Sam likes to be called Ana"]);
    expect(factsIn("ich heiße Lukas")).toEqual(["other: Sam likes to be called Lukas"]);
  });

  it("keeps pets, family and work, in English words where it knows them", () => {
    expect(factsIn("tengo dos gatos")).toEqual(["pet: Sam has two cats"]);
    expect(factsIn("mein Hund heißt Bruno")).toEqual(["pet: Sam's dog is called Bruno"]);
    expect(factsIn("ich habe zwei Kinder und ich wohne in Berlin")).toEqual([
      "person: Sam has two kids",
      "place: Sam lives in Berlin",
    ]);
    expect(factsIn("j'habite à Lyon, je suis infirmière")).toEqual([
      "place: Sam lives in Lyon",
      "work: Sam is a nurse",
    ]);
    expect(factsIn("vivo en Sevilla y trabajo como profesora")).toEqual([
      "place: Sam lives in Sevilla",
      "work: Sam is a teacher",
    ]);
  });

  it("reads what follows an introduction as about the name given", () => {
    expect(factsIn("je m'appelle Léa et j'ai un chien qui s'appelle Biscuit")).toEqual([
      "other: Sam likes to be called Léa",
      "pet: Léa has a dog called Biscuit",
    ]);
  });

  it("leaves a word said after the place out of it", () => {
    expect(factsIn("ich komme aus Wien übrigens")).toEqual(["place: Sam is from Wien"]);
    expect(factsIn("ich wohne jetzt in Graz, eigentlich")).toEqual(["place: Sam lives in Graz"]);
    expect(factsIn("soy de Madrid por cierto")).toEqual(["place: Sam is from Madrid"]);
    expect(factsIn("ich komme ursprünglich aus Wien")).toEqual(["place: Sam is from Wien"]);
    expect(factsIn("je viens de Lyon en fait")).toEqual(["place: Sam is from Lyon"]);
  });

  it("keeps no passing state and nothing in a mixed English line that was not there", () => {
    expect(factsIn("ich bin müde")).toEqual([]);
    expect(factsIn("tengo hambre")).toEqual([]);
    expect(factsIn("ich komme aus Wien but I live in Munich now")).toEqual([
      "place: Sam is from Wien",
      "place: Sam lives in Munich now",
    ]);
  });
});
