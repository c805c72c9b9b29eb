import { describe, expect, it } from "vitest";
import { porterStem } from "../../../src/application/memory/porterStemmer.ts";

describe("porterStem", () => {
  it("strips suffixes as the Porter algorithm does", () => {
    const cases: Record<string, string> = {
      caresses: "caress",
      ponies: "poni",
      cats: "cat",
      agreed: "agre",
      plastered: "plaster",
      motoring: "motor",
      sing: "sing",
      conflated: "conflat",
      sized: "size",
      hopping: "hop",
      falling: "fall",
      filing: "file",
      happy: "happi",
      sky: "sky",
      relational: "relat",
      conditional: "condit",
      generalization: "gener",
      oscillators: "oscil",
      hopeful: "hope",
      goodness: "good",
      allowance: "allow",
      adoption: "adopt",
      controll: "control",
      roll: "roll",
    };
    for (const [word, stem] of Object.entries(cases)) expect(porterStem(word), word).toBe(stem);
  });

  it("brings the forms of a word together", () => {
    expect(new Set(["live", "lives", "lived", "living"].map(porterStem))).toEqual(new Set(["live"]));
    expect(
      new Set(["connect", "connected", "connecting", "connection", "connections"].map(porterStem)),
    ).toEqual(new Set(["connect"]));
  });

  it("leaves short words, numbers and other scripts alone", () => {
    for (const word of ["is", "2024", "lisboa2", "カフェ", "привет"]) expect(porterStem(word)).toBe(word);
  });
});
