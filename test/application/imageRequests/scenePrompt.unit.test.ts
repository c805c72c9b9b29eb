import { describe, expect, it } from "vitest";
import { describeScene, type SceneInput } from "../../../src/application/imageRequests/scenePrompt.ts";
import { buildReplyPrompt } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput, onceScenario } from "../prompt/promptFixtures.ts";

function sceneAt(overrides: Parameters<typeof miaInput>[0] = {}, kind: SceneInput["kind"] = "selfie") {
  const { context } = buildReplyPrompt(miaInput(overrides));
  return describeScene({ ...context, kind });
}

describe("describeScene", () => {
  it("puts a weekday afternoon at the agent's workplace, indoors", () => {
    const scene = sceneAt({ now: new Date("2025-05-02T13:00:00Z") });
    expect(scene.location).toBe("at a studio desk covered in sketches");
    expect(scene.lighting).toBe("bright afternoon daylight");
    expect(scene.weather).toBeNull();
    expect(scene.prompt).toContain(
      "a candid phone selfie at arm's length of the same person as in the reference portrait",
    );
    expect(scene.prompt).toContain("Lisbon in the afternoon");
  });

  it("goes out on a weekend and to bed at night", () => {
    expect(sceneAt({ now: new Date("2025-05-03T10:00:00Z") }).location).toBe("at a street café in Lisbon");
    const night = sceneAt({ now: new Date("2025-05-02T22:30:00Z") });
    expect(night).toMatchObject({ location: "at home in bed", lighting: "warm lamp light" });
  });

  it("follows an active scenario", () => {
    const scene = sceneAt({
      scenarios: [
        onceScenario(
          "A friend's gallery opening",
          "Helping hang prints",
          "2025-05-02T17:00:00Z",
          "2025-05-02T21:00:00Z",
        ),
      ],
    });
    expect(scene).toMatchObject({
      location: "at a friend's gallery opening",
      activity: "helping hang prints",
    });
  });

  it("stays consistent with where the agent said it was", () => {
    const scene = sceneAt({
      recentMessages: [
        { author: "agent", text: "I'm sitting at the beach with a book!", at: "2025-05-02T18:00:00Z" },
      ],
    });
    expect(scene.location).toBe("at the beach");
    expect(scene.weather).toMatch(/spring weather$/);
  });

  it("shows the surroundings and the weather for a scene request, the outfit when asked", () => {
    const scene = sceneAt({ now: new Date("2025-05-02T13:00:00Z") }, "scene");
    expect(scene.framing).toBe("a phone selfie with the surroundings in view behind");
    expect(scene.weather).not.toBeNull();
    expect(sceneAt({ personMessage: "what are you wearing? send a pic" }).framing).toBe(
      "a mirror selfie showing the whole outfit",
    );
  });

  it("lets the mood show on the face", () => {
    expect(sceneAt({ mood: { name: "tired", intensity: 0.8 } }).expression).toBe(
      "sleepy eyes and a lazy smile",
    );
    expect(sceneAt({ mood: { name: "playful", intensity: 0.5 } }).expression).toBe("a cheeky grin");
  });
});
