import { describe, expect, it } from "vitest";
import { downloadName } from "../../../src/application/cards/downloadName.ts";

describe("download names", () => {
  it("keeps the name as written, with an ASCII fallback, both in the Content-Disposition (RFC 6266)", () => {
    expect(downloadName("Zoë", "png", "character")).toEqual({
      fileName: "Zoë.png",
      asciiFileName: "Zoe.png",
      contentDisposition: `attachment; filename="Zoe.png"; filename*=UTF-8''Zo%C3%AB.png`,
    });
    expect(downloadName("Mary Ann O'Neil (v2)", "png", "character").contentDisposition).toBe(
      `attachment; filename="Mary-Ann-ONeil-v2.png"; filename*=UTF-8''Mary-Ann-O%27Neil-%28v2%29.png`,
    );
  });

  it("falls back when nothing of the name is left, and never lets a path or quote through", () => {
    const kanji = downloadName("健二", "png", "character");
    expect(kanji).toMatchObject({ fileName: "健二.png", asciiFileName: "character.png" });
    const sly = downloadName('../../etc/"passwd"\r\n', "png", "character");
    expect(sly.fileName).toBe("etcpasswd.png");
    expect(sly.contentDisposition).not.toMatch(/[\r\n]|\/|"passwd/);
    expect(downloadName("  ", "png", "character").fileName).toBe("character.png");
  });
});
