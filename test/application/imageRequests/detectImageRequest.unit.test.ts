import { describe, expect, it } from "vitest";
import { detectImageRequest } from "../../../src/application/imageRequests/detectImageRequest.ts";

describe("detectImageRequest", () => {
  it.each([
    ["send me a selfie", "selfie"],
    ["can you send me a pic?", "selfie"],
    ["Send pics!", "selfie"],
    ["send me a picture of you", "selfie"],
    ["take a photo of yourself for me", "selfie"],
    ["could you share a quick selfie pls", "selfie"],
    ["selfie?", "selfie"],
    ["can I see you?", "selfie"],
    ["I want to see your face", "selfie"],
    ["show me what you're wearing", "selfie"],
    ["i wish i could see what you're wearing today", "selfie"],
    ["i'd love to see your face right now", "selfie"],
    ["I would really like to see your smile", "selfie"],
    ["what do you look like right now?", "appearance"],
    ["send me a photo of the view", "scene"],
    ["show me a pic of where you are", "scene"],
    ["pics or it didn't happen", "scene"],
  ])("finds a request in %j", (message, kind) => {
    expect(detectImageRequest(message)).toMatchObject({ requested: true, kind, language: "en" });
  });

  it.each([
    ["mándame una foto", "es"],
    ["envoie-moi une photo", "fr"],
    ["schick mir mal ein Foto", "de"],
    ["kannst du mir ein bild von deinem bass schicken?", "de"],
    ["¿me mandas una foto?", "es"],
    ["tu peux m'envoyer une photo ?", "fr"],
    ["mandami una foto 😊", "it"],
    ["me manda uma foto", "pt"],
    ["скинь фото", "ru"],
  ])("understands basic requests in other languages: %j", (message, language) => {
    expect(detectImageRequest(message)).toMatchObject({ requested: true, kind: "selfie", language });
  });

  it.each([
    "I took a photo of my cat",
    "here's a pic of my dog",
    "I'll send you a photo later",
    "let me take a selfie first",
    "look at this picture I found",
    "can you send me a photo of your cat?",
    "take a picture of me next time",
    "that photo you sent was great",
    "I love film photography",
    "my selfie game is weak",
    "send me the recipe",
    "what do you think of my new profile picture?",
    "I wish I could see you in person",
    "i'd love to see you again someday",
    "I'd love to see your city one day",
  ])("does not mistake %j for a request", (message) => {
    expect(detectImageRequest(message)).toEqual({ requested: false });
  });
});

describe("a picture of where the agent works or lives", () => {
  it("is a request for a picture of its place", () => {
    for (const message of [
      "send me a picture of your studio",
      "show me a photo of your flat",
      "pic of your office?",
      "can you send me a pic of your workshop?",
      "send a photo of your bakery",
      "show me a pic of your latest mural",
    ])
      expect(detectImageRequest(message), message).toMatchObject({ requested: true, kind: "scene" });
  });
});
