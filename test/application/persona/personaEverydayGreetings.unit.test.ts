import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

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
    expect(notte).toMatch(/night|notte/i);
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

describe("hello in the world's common languages, with the agent's name or not", () => {
  const potter = {
    ...soundEngineer,
    name: "Lena Berg",
    homeCity: "Kyoto",
    country: "Japan",
    occupation: "potter",
    timezone: "Asia/Tokyo",
    interests: ["tea ceremony", "hiking"],
  };

  it("is read as a greeting, and English words that look like one are not", () => {
    for (const text of [
      "ni hao Lena",
      "annyeonghaseyo",
      "privet Lena!",
      "kia ora",
      "sawasdee lena",
      "cześć",
      "hallå Lena",
      "olá Lena",
      "jambo",
      "ahoj Lena",
      "konichiwa lena",
    ])
      expect(readMessage(text).greeting, text).toBe(true);
    for (const text of ["privet hedges need cutting", "salve for my lips?", "moi aussi", "heirloom tomatoes"])
      expect(readMessage(text).greeting, text).toBe(false);
  });

  it("is greeted back, not met with an unrelated line", async () => {
    for (const hello of ["ni hao Lena", "privet Lena", "kia ora Lena!", "ahoj"]) {
      const [reply] = await askAgent([hello], potter, "2026-12-05T11:00:00Z");
      expect(reply, hello).toMatch(
        /^(?:Hi|Hey|Hello|Morning|Good (?:morning|afternoon|evening)|Evening|Afternoon)\b/,
      );
    }
  });
});
