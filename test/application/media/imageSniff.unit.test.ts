import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { sniffImage } from "../../../src/application/media/imageSniff.ts";

const hex = (text: string) => new Uint8Array(Buffer.from(text.replace(/\s/g, ""), "hex"));

describe("sniffImage", () => {
  it("reads a PNG's size from its header", () => {
    const png = PNG.sync.write(new PNG({ width: 33, height: 7 }));
    expect(sniffImage(png)).toEqual({ contentType: "image/png", width: 33, height: 7 });
  });

  it("finds a JPEG's size in its start-of-frame segment, past the others", () => {
    const jpeg = hex(
      "ffd8 ffe0 0010 4a46494600010100000100010000 ffc0 0011 08 0190 0280 03012200021101031101 ffd9",
    );
    expect(sniffImage(jpeg)).toEqual({ contentType: "image/jpeg", width: 640, height: 400 });
  });

  it("reads GIF and the three kinds of WebP", () => {
    expect(sniffImage(hex("474946383961 2000 1000 000000"))).toEqual({
      contentType: "image/gif",
      width: 32,
      height: 16,
    });
    const riff = (chunk: string, payload: string) => hex(`52494646 00000000 57454250 ${chunk} ${payload}`);
    const lossy = riff("56503820", "00000000 000000 9d012a 4000 3000");
    expect(sniffImage(lossy)).toEqual({ contentType: "image/webp", width: 64, height: 48 });
    // VP8L packs width-1 and height-1 into 14 bits each after the 0x2f signature.
    const bits = (64 - 1) | ((48 - 1) << 14);
    const lossless = riff(
      "5650384c",
      `00000000 2f ${Buffer.from(Uint32Array.of(bits).buffer).toString("hex")} 00`,
    );
    expect(sniffImage(lossless)).toEqual({ contentType: "image/webp", width: 64, height: 48 });
    const extended = riff("56503858", "0a000000 00000000 3f0000 2f0000");
    expect(sniffImage(extended)).toEqual({ contentType: "image/webp", width: 64, height: 48 });
  });

  it("knows nothing of other bytes", () => {
    expect(sniffImage(new TextEncoder().encode("<html><body>hello</body></html>"))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
    expect(sniffImage(hex("ffd8ff"))).toBeNull();
  });
});
