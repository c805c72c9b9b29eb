import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("greetings, thanks and good nights typed loosely or in another language", () => {
  it("are read as what they are", () => {
    for (const text of ["heyyy", "helo", "hiii!", "sup", "こんにちは", "salut"])
      expect(readMessage(text).greeting, text).toBe(true);
    for (const text of ["merci beaucoup", "gracias por todo", "danke!", "ありがとう"])
      expect(readMessage(text).thanks, text).toBe(true);
    for (const text of ["gn", "gn x", "nite!", "gn hana 💤", "buona notte", "buonanotte!"])
      expect(readMessage(text).farewell, text).toBe(true);
  });

  it("leave words that only start alike alone", () => {
    for (const text of ["hiking was great", "super tired", "your turn", "oil prices"])
      expect(readMessage(text).greeting, text).toBe(false);
    for (const text of ["gnocchi for dinner", "night shift again", "nite shift was long"])
      expect(readMessage(text).farewell, text).toBe(false);
  });
});

describe("good night in another language", () => {
  it("is wished a good night back, and a goodbye never says 'talk soon' twice", async () => {
    const [notte] = await askAgent(["buona notte"]);
    expect(notte).toMatch(/night/i);
    expect(notte).not.toMatch(/rest of your day/);
    for (const bye of ["bye!", "gotta go, bye", "ok bye", "see you"]) {
      const [reply] = await askAgent([bye]);
      expect(reply?.match(/talk soon/gi)?.length ?? 0, bye).toBeLessThan(2);
    }
  });
});

describe("greetings, thanks and goodbyes in Dutch, and 'night' with the agent's name", () => {
  it("reads them as what they are", () => {
    expect(readMessage("hoi femke!").greeting).toBe(true);
    expect(readMessage("dank je, doei").thanks).toBe(true);
    expect(readMessage("dank je, doei").farewell).toBe(true);
    expect(readMessage("night dale").farewell).toBe(true);
    expect(readMessage("night shift").farewell).toBe(false);
  });
});
