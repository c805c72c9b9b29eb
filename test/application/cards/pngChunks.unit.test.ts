import { zlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readCardFromPng, writeCardToPng } from "../../../src/application/cards/cardPng.ts";
import {
  encodePngChunks,
  type PngChunk,
  readPngChunks,
  readPngTexts,
  replaceTextChunks,
  textChunk,
} from "../../../src/application/cards/pngChunks.ts";
import { DomainError } from "../../../src/domain/shared/decider.ts";
import { basePng, withTextChunks } from "../../fixtures/cards/build.ts";

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const rejects = (run: () => unknown, reason: string) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).reason).toBe(reason);
    expect((error as DomainError).code).toBe("BAD_USER_INPUT");
    return;
  }
  throw new Error(`expected ${reason}`);
};

describe("PNG chunks", () => {
  it("reads what it writes, byte for byte", () => {
    const png = basePng();
    const chunks = readPngChunks(png);
    expect(chunks[0]?.type).toBe("IHDR");
    expect(chunks.at(-1)?.type).toBe("IEND");
    expect(encodePngChunks(chunks)).toEqual(png);
  });

  it("refuses a file that is not a PNG, a bad CRC, a truncated chunk and a missing IHDR", () => {
    const png = basePng();
    rejects(() => readPngChunks(latin1("GIF89a....")), "NotAPng");
    const damaged = png.slice();
    damaged[20] = damaged[20]! ^ 1;
    rejects(() => readPngChunks(damaged), "PngChunkCorrupt");
    rejects(() => readPngChunks(png.subarray(0, 40)), "PngTruncated");
    const chunks = readPngChunks(png);
    rejects(() => readPngChunks(encodePngChunks(chunks.slice(1))), "PngChunkCorrupt");
  });

  it("reads tEXt, zTXt and iTXt (plain and compressed)", () => {
    const zTXt: PngChunk = { type: "zTXt", data: join(latin1("chara\0\0"), zlibSync(latin1("abc"))) };
    const iTXt: PngChunk = {
      type: "iTXt",
      data: join(latin1("ccv3\0\0\0en\0\0"), new TextEncoder().encode("héllo")),
    };
    const iTXtZ: PngChunk = {
      type: "iTXt",
      data: join(latin1("note\0\x01\0\0\0"), zlibSync(new TextEncoder().encode("zipped ü"))),
    };
    const chunks = readPngChunks(withTextChunks(basePng(), [textChunk("title", "Plain"), zTXt, iTXt, iTXtZ]));
    expect(readPngTexts(chunks, 1000).map((t) => [t.keyword, t.text, t.chunk])).toEqual([
      ["title", "Plain", "tEXt"],
      ["chara", "abc", "zTXt"],
      ["ccv3", "héllo", "iTXt"],
      ["note", "zipped ü", "iTXt"],
    ]);
  });

  it("refuses compressed text that expands past the limit, or will not expand", () => {
    const bomb: PngChunk = { type: "zTXt", data: join(latin1("chara\0\0"), zlibSync(new Uint8Array(5000))) };
    rejects(() => readPngTexts([bomb], 1000), "CardTooLarge");
    const broken: PngChunk = { type: "zTXt", data: latin1("chara\0\0garbage") };
    rejects(() => readPngTexts([broken], 1000), "PngTextCorrupt");
    rejects(
      () => readPngTexts([{ type: "tEXt", data: latin1("no keyword separator") }], 1000),
      "PngTextCorrupt",
    );
  });

  it("with keywords, reads only the first chunk under each and expands no other", () => {
    const bomb: PngChunk = { type: "zTXt", data: join(latin1("note\0\0"), zlibSync(new Uint8Array(5000))) };
    const broken: PngChunk = { type: "zTXt", data: latin1("chara\0\0garbage") };
    const chunks = [bomb, textChunk("Chara", "first"), broken, textChunk("ccv3", "v3"), bomb];
    expect(readPngTexts(chunks, 1000, ["ccv3", "chara"]).map((t) => `${t.keyword}=${t.text}`)).toEqual([
      "Chara=first",
      "ccv3=v3",
    ]);
  });

  it("replaces card chunks in any case, before IEND, and keeps the image", () => {
    const png = withTextChunks(basePng(), [textChunk("Chara", "old"), textChunk("Title", "kept")]);
    const replaced = replaceTextChunks(readPngChunks(png), ["chara", "ccv3"], [textChunk("chara", "new")]);
    expect(readPngTexts(replaced, 100).map((t) => `${t.keyword}=${t.text}`)).toEqual([
      "Title=kept",
      "chara=new",
    ]);
    expect(replaced.at(-1)?.type).toBe("IEND");
    const idat = (chunks: PngChunk[]) => chunks.filter((c) => c.type === "IDAT");
    expect(idat(replaced)).toEqual(idat(readPngChunks(png)));
  });
});

describe("card chunks", () => {
  const v3 = { spec: "chara_card_v3", spec_version: "3.0", data: { name: "V3" } };
  const v2 = { spec: "chara_card_v2", spec_version: "2.0", data: { name: "V2" } };

  it("writes ccv3 and chara, and reads ccv3 first", () => {
    const png = writeCardToPng(basePng(), v3, v2);
    expect(readCardFromPng(png)).toEqual({ json: v3, chunk: "ccv3", warnings: [] });
    const again = writeCardToPng(png, { ...v3, data: { name: "V3 again" } }, v2);
    const texts = readPngTexts(readPngChunks(again), 10_000);
    expect(texts.map((t) => t.keyword)).toEqual(["chara", "ccv3"]);
  });

  it("falls back to chara with a warning when ccv3 is damaged", () => {
    const png = withTextChunks(basePng(), [
      textChunk("ccv3", "%%%"),
      textChunk("chara", Buffer.from(JSON.stringify(v2)).toString("base64")),
    ]);
    const payload = readCardFromPng(png);
    expect(payload.chunk).toBe("chara");
    expect(payload.json).toEqual(v2);
    expect(payload.warnings).toHaveLength(1);
  });

  it("accepts unpadded and URL-safe base64, refuses bad base64, bad UTF-8 and bad JSON", () => {
    const json = JSON.stringify(v2);
    const unpadded = Buffer.from(json).toString("base64url");
    expect(readCardFromPng(withTextChunks(basePng(), [textChunk("chara", unpadded)])).json).toEqual(v2);
    rejects(() => readCardFromPng(withTextChunks(basePng(), [textChunk("chara", "a")])), "CardBase64Invalid");
    const notUtf8 = Buffer.from([0xff, 0xfe, 0x7b]).toString("base64");
    rejects(() => readCardFromPng(withTextChunks(basePng(), [textChunk("chara", notUtf8)])), "TextNotUtf8");
    const notJson = Buffer.from("{ nope").toString("base64");
    rejects(
      () => readCardFromPng(withTextChunks(basePng(), [textChunk("chara", notJson)])),
      "CardJsonInvalid",
    );
  });

  it("refuses a PNG over 10 MB before reading it", () => {
    rejects(() => readCardFromPng(new Uint8Array(10 * 1024 * 1024 + 1)), "CardTooLarge");
  });

  it("refuses card JSON over 1 MB inside the chunk", () => {
    const big = Buffer.from(JSON.stringify({ ...v2, pad: "x".repeat(1024 * 1024) })).toString("base64");
    rejects(() => readCardFromPng(withTextChunks(basePng(), [textChunk("chara", big)])), "CardTooLarge");
  });
});
