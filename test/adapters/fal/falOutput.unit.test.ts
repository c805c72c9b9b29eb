import { ApiError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import {
  detailOf,
  falErrorMessage,
  imageFromOutput,
  outcomeFromOutput,
} from "../../../src/adapters/fal/falOutput.ts";
import { falRedirect } from "../../../src/adapters/fal/falRedirect.ts";

describe("fal output", () => {
  it("takes the first of `images`, or a single `image`", () => {
    expect(
      imageFromOutput({
        images: [{ url: "https://f/1.png", content_type: "image/png", width: 8, height: 9 }, { url: "x" }],
      }),
    ).toEqual({
      source: "url",
      url: "https://f/1.png",
      contentType: "image/png",
      width: 8,
      height: 9,
    });
    expect(imageFromOutput({ image: { url: "https://f/2.jpg" } })).toEqual({
      source: "url",
      url: "https://f/2.jpg",
    });
    expect(imageFromOutput({ images: [] })).toBeNull();
    expect(imageFromOutput("nonsense")).toBeNull();
  });

  it("calls a finished request without an image a failure", () => {
    expect(outcomeFromOutput("r1", { seed: 1 })).toMatchObject({
      state: "failed",
      error: "fal finished the request without an image",
    });
  });

  it("reads fal's error details, strings or validation lists", () => {
    expect(detailOf({ detail: "boom" })).toBe("boom");
    expect(detailOf({ detail: [{ msg: "field required" }, { msg: "too long" }] })).toBe(
      "field required; too long",
    );
    expect(detailOf(null)).toBeUndefined();
    const error = new ApiError({ message: "Unprocessable", status: 422, body: { detail: "bad prompt" } });
    expect(falErrorMessage(error)).toBe("fal answered HTTP 422: bad prompt");
  });
});

describe("falRedirect", () => {
  it("sends fal's hosts to the base URL, path and query kept, and leaves others alone", async () => {
    const redirect = falRedirect("http://127.0.0.1:9999/fal/");
    const queued = await redirect({
      method: "POST",
      url: "https://queue.fal.run/fal-ai/flux/dev?fal_webhook=x",
    });
    expect(queued.url).toBe("http://127.0.0.1:9999/fal/fal-ai/flux/dev?fal_webhook=x");
    expect((await redirect({ method: "GET", url: "https://rest.alpha.fal.ai/storage/upload" })).url).toBe(
      "http://127.0.0.1:9999/fal/storage/upload",
    );
    expect((await redirect({ method: "GET", url: "https://example.com/a" })).url).toBe(
      "https://example.com/a",
    );
    expect((await redirect({ method: "GET", url: "https://notfal.run.evil.com/a" })).url).toBe(
      "https://notfal.run.evil.com/a",
    );
  });
});
