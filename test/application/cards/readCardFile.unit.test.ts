import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { withoutCardChunks } from "../../../src/application/cards/cardPng.ts";
import { encodePngChunks, readPngChunks } from "../../../src/application/cards/pngChunks.ts";
import { readCardFile } from "../../../src/application/cards/readCardFile.ts";
import { DomainError } from "../../../src/domain/shared/decider.ts";
import { basePng, builtFixtures, charx, fixtureBytes, fixtureJson } from "../../fixtures/cards/build.ts";

const rejection = (bytes: Uint8Array): DomainError => {
  try {
    readCardFile(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.message).not.toMatch(/\n/);
    return e;
  }
  throw new Error("expected the file to be refused");
};

describe("the card fixtures", () => {
  it("are what build.ts makes (run test/fixtures/cards/generate.ts after changing it)", () => {
    for (const [name, bytes] of Object.entries(builtFixtures()))
      expect(fixtureBytes(name), name).toEqual(bytes);
  });
});

describe("reading card files", () => {
  it("reads a V1 card (flat fields)", () => {
    const { card, format } = readCardFile(fixtureBytes("v1.json"));
    expect(format).toBe("json");
    expect(card).toMatchObject({
      spec: "v1",
      name: "Old Tom",
      firstMessage: expect.stringContaining("Sit down"),
    });
    expect(card.extensions).toEqual({});
  });

  it("reads V2 JSON with every field", () => {
    const { card, portrait } = readCardFile(fixtureBytes("v2.json"));
    expect(card).toMatchObject({
      spec: "v2",
      name: "Elowen",
      personality: "patient, dry-humoured, observant, stubborn",
      alternateGreetings: [
        expect.stringContaining("polishing the lens"),
        expect.stringContaining("Another storm"),
      ],
      tags: ["cosy", "slow burn", "original character"],
      creator: "spec-fixture",
      characterVersion: "1.0",
      characterBook: null,
    });
    expect(portrait).toBeNull();
  });

  it("reads V3 JSON: nickname, multilingual notes, sources, dates, group greetings, lorebook", () => {
    const { card } = readCardFile(fixtureBytes("v3.json"));
    expect(card).toMatchObject({
      spec: "v3",
      nickname: "Kai",
      creatorNotesMultilingual: { ja: "夜の癒し系キャラクター。" },
      sources: ["https://example.org/cards/kaito"],
      creationDate: 1717200000,
      modificationDate: 1717286400,
      groupOnlyGreetings: ["Table for how many? I only have four stools."],
      extensions: { "example/voice": { pitch: 0.9 } },
    });
    expect(card.characterBook?.settings).toEqual({ scanDepth: 3, tokenBudget: 500, recursiveScanning: true });
    expect(card.characterBook?.entries.map((e) => e.entryId)).toEqual(["1", "2"]);
  });

  it("reads a V2 PNG: the chara chunk, and the image without its card chunks as the portrait", () => {
    const { card, format, portrait } = readCardFile(fixtureBytes("v2.png"));
    expect([format, card.spec, card.name]).toEqual(["png", "v2", "Elowen"]);
    expect(portrait).toEqual({ bytes: basePng(), contentType: "image/png" });
  });

  it("prefers ccv3 over chara in a V3 PNG", () => {
    const { card } = readCardFile(fixtureBytes("v3.png"));
    expect([card.spec, card.name]).toEqual(["v3", "Kaito Arakawa"]);
  });

  it("reads a .charx: card.json and its main icon; says which assets are not kept", () => {
    const { card, format, portrait, warnings } = readCardFile(fixtureBytes("card.charx"));
    expect([format, card.name]).toEqual(["charx", "Kaito Arakawa"]);
    expect(portrait).toEqual({ bytes: basePng(), contentType: "image/png" });
    expect(warnings).toEqual([expect.stringContaining("1 asset(s)")]);
  });

  it("reads a real-world V2 export with SillyTavern's extra fields and a 13-entry book", () => {
    const { card } = readCardFile(fixtureBytes("realworld-v2.json"));
    expect(card.characterBook?.entries).toHaveLength(13);
    expect(card.extensions).toMatchObject({ world: "Ravenhold", depth_prompt: { depth: 4 } });
  });

  it("reads a card's data-URI portrait and points to an https one", () => {
    const png = Buffer.from(basePng()).toString("base64");
    const withIcon = (uri: string) => {
      const json = fixtureJson("v3.json");
      const data = { ...(json.data as object), assets: [{ type: "icon", uri, name: "main", ext: "png" }] };
      return strToU8(JSON.stringify({ ...json, data }));
    };
    expect(readCardFile(withIcon(`data:image/png;base64,${png}`)).portrait?.contentType).toBe("image/png");
    expect(readCardFile(withIcon("https://example.org/kai.png")).portraitUrl).toBe(
      "https://example.org/kai.png",
    );
  });

  it("tolerates nulls, numbers and missing optional fields in real-world cards", () => {
    const sloppy = {
      spec: "chara_card_v2",
      data: {
        name: "Sloppy",
        description: null,
        character_version: 2,
        tags: ["a", null, 3],
        alternate_greetings: null,
        extensions: null,
      },
    };
    const { card } = readCardFile(strToU8(JSON.stringify(sloppy)));
    expect(card).toMatchObject({
      description: "",
      characterVersion: "2",
      tags: ["a", "3"],
      alternateGreetings: [],
      extensions: {},
    });
  });

  it("names every value read otherwise than written in the warnings: split text, numbers from text, text from numbers", () => {
    const sloppy = {
      spec: "chara_card_v3",
      data: {
        name: "Sloppy",
        character_version: 2,
        tags: "cozy, slice of life",
        source: "https://example.org/a,https://example.org/b",
        creation_date: "7",
        modification_date: "soon",
        character_book: {
          scan_depth: "3",
          entries: [{ keys: "tea, cake", content: "Likes tea.", insertion_order: "5", enabled: "false" }],
        },
      },
    };
    const { card, warnings } = readCardFile(strToU8(JSON.stringify(sloppy)));
    expect(card).toMatchObject({
      characterVersion: "2",
      tags: ["cozy", " slice of life"],
      sources: ["https://example.org/a", "https://example.org/b"],
      creationDate: 7,
      modificationDate: null,
    });
    const read = warnings.find((w) => w.startsWith("Read 5 values otherwise than written"));
    expect(read).toBeDefined();
    for (const named of [
      'tags "cozy, slice of life" as a list of 2, split at its commas',
      "source",
      'creation_date "7" as 7',
      "modification_date left out",
      "character_version 2 as text",
    ])
      expect(read, named).toContain(named);
    const book = card.characterBook!.warnings.join(" ");
    for (const named of [
      'scan_depth "3" as 3',
      '#1 keys "tea, cake" as a list of 2',
      '#1 insertion_order "5" as 5',
      '#1 enabled "false" as false',
    ])
      expect(book, named).toContain(named);
  });

  it("takes greetings given as one text as one greeting, with a warning, not split at its commas", () => {
    const read = (spec: string | undefined) =>
      readCardFile(
        strToU8(
          JSON.stringify({
            ...(spec ? { spec, data: {} } : {}),
            ...(spec ? {} : { name: "Mira", first_mes: "Hi." }),
            ...(spec
              ? {
                  data: {
                    name: "Mira",
                    alternate_greetings: "Oh, hello, you.",
                    group_only_greetings: ["Hi, all."],
                  },
                }
              : { alternate_greetings: "Oh, hello, you." }),
          }),
        ),
      );
    for (const spec of ["chara_card_v2", "chara_card_v3", undefined]) {
      const { card, warnings } = read(spec);
      expect(card.alternateGreetings, spec).toEqual(["Oh, hello, you."]);
      expect(warnings, spec).toContain(
        "The card's alternate_greetings is one text, not a list: it was taken as one greeting.",
      );
      expect(warnings.join(" "), spec).not.toContain("group_only_greetings");
    }
  });
});

describe("refusing card files", () => {
  it.each([
    ["broken-crc.png", "PngChunkCorrupt"],
    ["broken-no-card.png", "CardChunkMissing"],
    ["broken-base64.png", "CardBase64Invalid"],
    ["broken-json.png", "CardJsonInvalid"],
    ["broken-truncated.png", "PngTruncated"],
    ["broken-not-a-card.json", "CardUnknownFormat"],
    ["broken-v2-no-name.json", "CardInvalid"],
    ["broken-traversal.charx", "CharxPathUnsafe"],
    ["broken-no-card.charx", "CharxCardMissing"],
    ["broken-bomb.charx", "CharxRatioTooHigh"],
  ])("%s: %s", (file, reason) => {
    expect(rejection(fixtureBytes(file)).reason).toBe(reason);
  });

  it("refuses a card whose image declares more pixels than a portrait may have", () => {
    const chunks = readPngChunks(fixtureBytes("v2.png"));
    const header = chunks[0]!.data.slice();
    new DataView(header.buffer).setUint32(0, 100_000);
    new DataView(header.buffer).setUint32(4, 100_000);
    const huge = encodePngChunks([{ ...chunks[0]!, data: header }, ...chunks.slice(1)]);
    const error = rejection(huge);
    expect(error.reason).toBe("CardImageTooLarge");
    expect(error.message).toMatch(/100000×100000 pixels; the limit is 8192/);
    const withIcon = fixtureJson("v3.json");
    const hugeUri = `data:image/png;base64,${Buffer.from(withoutCardChunks(huge)).toString("base64")}`;
    const data = {
      ...(withIcon.data as object),
      assets: [{ type: "icon", uri: hugeUri, name: "main", ext: "png" }],
    };
    expect(rejection(strToU8(JSON.stringify({ ...withIcon, data }))).reason).toBe("CardImageTooLarge");
  });

  it("refuses JSON over 1 MB, text that is not JSON, and an unknown spec", () => {
    expect(rejection(new Uint8Array(1024 * 1024 + 1).fill(0x20)).reason).toBe("CardTooLarge");
    // Just over the limit does not read as the limit itself ("1 MB; the limit is 1 MB").
    expect(rejection(new Uint8Array(1024 * 1024 + 50_000).fill(0x20)).message).toBe(
      "The card JSON is 1.1 MB; the limit is 1 MB.",
    );
    expect(rejection(strToU8("hello there")).reason).toBe("CardUnknownFormat");
    expect(rejection(strToU8('{"spec":"chara_card_v9","data":{}}')).reason).toBe("CardUnknownFormat");
    expect(rejection(strToU8('{"spec":"chara_card_v2","data":{"name":"x","tags":{"a":1}}}')).message).toMatch(
      /data|tags/,
    );
    expect(rejection(Uint8Array.of(0xff, 0xfe, 0x00)).reason).toBe("TextNotUtf8");
  });

  it("refuses .charx archives with too many entries, huge entries, or absolute and drive paths", () => {
    const many = Object.fromEntries(
      Array.from({ length: 501 }, (_, i) => [`assets/other/${i}.txt`, strToU8("x")]),
    );
    expect(rejection(charx(many)).reason).toBe("CharxTooManyEntries");
    expect(rejection(zipSync({ "/etc/passwd": strToU8("x") })).reason).toBe("CharxPathUnsafe");
    expect(rejection(zipSync({ "C:/x.txt": strToU8("x") })).reason).toBe("CharxPathUnsafe");
    // Stored, not deflated: the declared size alone is what is refused.
    const big: [Uint8Array, { level: 0 }] = [new Uint8Array(11 * 1024 * 1024), { level: 0 }];
    expect(rejection(zipSync({ "card.json": strToU8("{}"), "assets/other/big.bin": big })).reason).toBe(
      "CharxEntryTooLarge",
    );
    expect(rejection(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3)).reason).toBe("CharxInvalid");
  });

  it("does not expand what the directory under-declares", () => {
    const archive = charx();
    const view = new DataView(archive.buffer, archive.byteOffset);
    for (let i = 0; i < archive.length - 46; i++)
      if (view.getUint32(i, true) === 0x02014b50) {
        const nameLength = view.getUint16(i + 28, true);
        const name = new TextDecoder().decode(archive.subarray(i + 46, i + 46 + nameLength));
        if (name === "card.json") view.setUint32(i + 24, 10, true);
      }
    expect(rejection(archive).reason).toBe("CardJsonInvalid");
  });
});
