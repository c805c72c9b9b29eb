import { describe, expect, it } from "vitest";
import { isoMs } from "../../../projections/runner/isoTimestamps.ts";

describe("timestamps read for binary COPY", () => {
  it("read as Date.parse reads them when written as toISOString writes them", () => {
    for (const ms of [
      0, -1, 1, 951_782_400_000, 1_709_164_800_500, 253_402_300_799_999, -30_610_224_000_000,
    ]) {
      const text = new Date(ms).toISOString();
      expect(isoMs(text)).toBe(ms);
    }
  });

  it("are NaN for any other form, and for days that do not exist", () => {
    for (const text of [
      "2025-02-29T00:00:00.000Z",
      "1900-02-29T00:00:00.000Z",
      "2025-04-31T00:00:00.000Z",
      "2025-01-06T24:00:00.000Z",
      "2025-01-06T23:59:60.000Z",
      "0999-12-31T23:59:59.999Z",
      "2025-01-06T08:00:00Z",
      "2025-01-06T08:00:00.000+00:00",
      "2025-01-06 08:00:00.000Z",
      "2025-1a-06T08:00:00.000Z",
    ]) {
      expect(isoMs(text)).toBeNaN();
    }
    expect(isoMs("2000-02-29T00:00:00.000Z")).toBe(Date.parse("2000-02-29T00:00:00.000Z"));
  });
});
