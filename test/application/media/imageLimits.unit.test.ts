import { describe, expect, it } from "vitest";
import { imageSizeProblem } from "../../../src/application/media/imageLimits.ts";

describe("imageSizeProblem", () => {
  it("keeps ordinary portraits and large photos", () => {
    expect(imageSizeProblem({ width: 1024, height: 1536 })).toBeNull();
    expect(imageSizeProblem({ width: 6000, height: 4000 })).toBeNull();
  });

  it("refuses a side over the limit, too many pixels, and sizes that are not a picture", () => {
    expect(imageSizeProblem({ width: 100_000, height: 100_000 })).toMatch(/100000×100000 pixels; the limit/);
    expect(imageSizeProblem({ width: 9000, height: 10 })).not.toBeNull();
    expect(imageSizeProblem({ width: 8000, height: 8000 })).toMatch(/megapixels/);
    expect(imageSizeProblem({ width: 0, height: 10 })).not.toBeNull();
  });
});
