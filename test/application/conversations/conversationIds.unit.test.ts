import { describe, expect, it } from "vitest";
import { messageIdFor, replyIdFor } from "../../../src/application/conversations/messageIds.ts";
import { imageRequestText } from "../../../src/application/conversations/requestImage.ts";
import { detectImageRequest } from "../../../src/application/imageRequests/detectImageRequest.ts";

describe("ids known before the events exist", () => {
  it("derives the same message id from the same client message id, per conversation", () => {
    expect(messageIdFor("u1", "a1", "c1")).toBe(messageIdFor("u1", "a1", "c1"));
    expect(messageIdFor("u1", "a1", "c1")).not.toBe(messageIdFor("u2", "a1", "c1"));
    expect(messageIdFor("u1", "a1", "c1")).not.toBe(messageIdFor("u1", "a2", "c1"));
  });

  it("gives each attempt at a reply its own id, derived from the message", () => {
    const message = messageIdFor("u1", "a1", "c1");
    expect(replyIdFor(message, 1)).toBe(replyIdFor(message, 1));
    expect(replyIdFor(message, 2)).not.toBe(replyIdFor(message, 1));
    expect(replyIdFor(message, 1)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("asking for a picture", () => {
  it("words the ask so the reply reactor recognises it", () => {
    expect(imageRequestText()).toBe("Send me a selfie?");
    expect(imageRequestText("  at the beach ")).toBe("Send me a picture: at the beach");
    expect(detectImageRequest(imageRequestText()).requested).toBe(true);
    expect(detectImageRequest(imageRequestText("at the beach")).requested).toBe(true);
  });
});
