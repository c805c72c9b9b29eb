import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/application/memory/factExtractor.ts";

const petFacts = (text: string) =>
  extractFacts(text, { personName: "Sam" }).map(({ text, kind, pet }) => ({ text, kind, pet }));

describe("pet facts name the animal and the pet", () => {
  it.each([
    ["we adopted a cat named Luna", "Sam has a cat named Luna", "cat", "Luna"],
    ["We rescued a greyhound called Bolt last year.", "Sam has a greyhound called Bolt", "greyhound", "Bolt"],
    ["I've got a hamster called Biscuit", "Sam has a hamster called Biscuit", "hamster", "Biscuit"],
    ["our dog's name is Rex", "Sam's dog is called Rex", "dog", "Rex"],
    ["I have a dog called R2D2", "Sam has a dog called R2D2", "dog", "R2D2"],
    ["I have a dog called Biscuit4b2", "Sam has a dog called Biscuit4b2", "dog", "Biscuit4b2"],
    ["I have a cat and we named her Mochi", "Sam has a cat named Mochi", "cat", "Mochi"],
    ["We got a puppy and we called him Bruno.", "Sam has a puppy called Bruno", "puppy", "Bruno"],
  ])("%s → %s", (said, text, species, name) => {
    expect(petFacts(said)).toEqual([{ text, kind: "pet", pet: { species, name } }]);
  });

  it("keeps what else the person said about a named pet in their words", () => {
    expect(petFacts("my dog Rex died last year")).toEqual([
      { text: "Sam's dog Rex died last year", kind: "pet", pet: { species: "dog", name: "Rex" } },
    ]);
  });

  it("keeps the naming with its pet and still splits what follows", () => {
    expect(petFacts("I have a cat and we named her Mochi and I love jazz")).toEqual([
      { text: "Sam has a cat named Mochi", kind: "pet", pet: { species: "cat", name: "Mochi" } },
      { text: "Sam loves jazz", kind: "preference", pet: undefined },
    ]);
  });

  it("gives a pet fact without a name when none was said", () => {
    expect(petFacts("I have two cats")).toEqual([{ text: "Sam has two cats", kind: "pet", pet: undefined }]);
  });
});
