import { describe, expect, it } from "vitest";
import {
  clothingColours,
  eyeColours,
  hairColours,
  skinTones,
} from "../../../src/adapters/local/localPortraitPalette.ts";
import { parseScene } from "../../../src/adapters/local/localPortraitScene.ts";
import { parseAppearance } from "../../../src/adapters/local/localPortraitTraits.ts";

describe("parseAppearance", () => {
  it("reads hair, eyes, skin, freckles and clothing from a described person", () => {
    const traits = parseAppearance(
      "a 28-year-old woman with long wavy auburn hair, green eyes, freckles, olive skin, wearing a mustard sweater",
      1,
    );
    expect(traits.hair).toMatchObject({ colour: hairColours.auburn, length: "long", style: "wavy" });
    expect(traits.eyeColour).toEqual(eyeColours.green);
    expect(traits.skin).toEqual(skinTones.olive);
    expect(traits.freckles).toBe(true);
    expect(traits.clothing).toEqual({ kind: "sweater", colour: clothingColours.mustard });
    expect(traits.age).toBe("adult");
  });

  it("reads beards, glasses, earrings and age", () => {
    const traits = parseAppearance(
      "a 62-year-old man, short grey hair, full beard, glasses and hoop earrings",
      2,
    );
    expect(traits).toMatchObject({ beard: "full", glasses: "clear", earrings: "hoops", age: "older" });
    expect(traits.hair).toMatchObject({ colour: hairColours.grey, length: "short" });
    expect(parseAppearance("young guy with a goatee and sunglasses", 2)).toMatchObject({
      beard: "goatee",
      glasses: "sun",
      age: "young",
    });
  });

  it("understands hair words without the word hair, and hairdos as nouns", () => {
    expect(parseAppearance("a blonde woman in a red dress", 3)).toMatchObject({
      hair: { colour: hairColours.blonde },
      clothing: { kind: "dress", colour: clothingColours.red },
    });
    expect(parseAppearance("pink curly afro", 3).hair).toMatchObject({
      colour: hairColours.pink,
      style: "afro",
    });
    expect(parseAppearance("bald, blue-eyed, dark-skinned", 3)).toMatchObject({
      hair: { length: "bald" },
      eyeColour: eyeColours.blue,
      skin: skinTones.dark,
    });
  });

  it.each([
    ["a man in a grey flat cap", "flatCap", clothingColours.grey],
    ["an old man wearing a tweed newsboy cap", "flatCap", clothingColours.tweed],
    ["a woman in a red woolly hat", "beanie", clothingColours.red],
    ["a guy with a navy baseball cap", "baseballCap", clothingColours.navy],
    ["a woman with brown hair in a straw hat", "hat", [222, 196, 130]],
    ["a man in a black fedora", "hat", clothingColours.black],
    ["a painter in a mustard beret", "beret", clothingColours.mustard],
  ] as const)("reads the headwear in %j", (prompt, kind, colour) => {
    expect(parseAppearance(prompt, 1).headwear).toMatchObject({ kind, colour });
  });

  it("reads a braid, and the garment that shows among several", () => {
    const rosa = parseAppearance(
      "sun-bleached long brown hair in a braid, a wetsuit top under a denim shirt",
      1,
    );
    expect(rosa.hair).toMatchObject({ style: "braids", length: "long" });
    expect(rosa.clothing).toEqual({ kind: "shirt", colour: clothingColours.denim });
  });

  it("reads dark hair, a beard of its own colour, and no headwear when none is named", () => {
    const mia = parseAppearance("a woman with curly dark hair", 3);
    expect(mia.hair).toMatchObject({ colour: hairColours.dark, style: "curly" });
    expect(mia.headwear.kind).toBe("none");
    const walter = parseAppearance("a man with black hair and a grey beard", 3);
    expect(walter).toMatchObject({ beard: "full", beardColour: hairColours.grey });
  });

  it("chooses what the prompt leaves open from the seed, the same way every time", () => {
    expect(parseAppearance("a person", 42)).toEqual(parseAppearance("a person", 42));
    const faces = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => JSON.stringify(parseAppearance("a person", seed))),
    );
    expect(faces.size).toBe(8);
  });
});

describe("parseScene", () => {
  it("draws base portraits head and shoulders on a plain backdrop", () => {
    expect(parseScene("on the beach at night", "basePortrait")).toEqual({
      background: "studio",
      framing: "portrait",
      lighting: "neutral",
      expression: "softSmile",
    });
  });

  it.each([
    ["selfie on the beach at sunset", { background: "beach", framing: "closeUp", lighting: "warmEvening" }],
    [
      "half-body shot in the city at night",
      { background: "city", framing: "halfBody", lighting: "coolNight" },
    ],
    ["in a cozy café", { background: "cafe", framing: "portrait", lighting: "warmEvening" }],
    ["walking in the park on a sunny morning", { background: "park", lighting: "brightDay" }],
    ["in bed, sleepy", { background: "bedroom", expression: "sleepy" }],
    ["at my desk in the office, laughing", { background: "office", expression: "grin" }],
    ["caught in the rain", { background: "rain", lighting: "overcast" }],
    ["skiing in the snow", { background: "snow" }],
    ["just me", { background: "studio", framing: "portrait" }],
  ])("reads %j", (prompt, expected) => {
    expect(parseScene(prompt, "variation")).toMatchObject(expected);
  });
});
