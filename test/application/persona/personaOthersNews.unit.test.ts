import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent } from "./dialogues/askAgent.ts";

const sympathy = /sorry|sounds (?:really )?hard|I'm here|a lot to carry/i;

describe("the offline engine on news about the person's people", () => {
  it("congratulates on a parent's retirement, a sibling's wedding and a baby, after a sad turn too", async () => {
    const [, retired, wedding, speech, baby] = await askAgent([
      "I'm a bit sad today",
      "my dad retired yesterday after 40 years at the post office",
      "my sister is getting married in June!",
      "my brother is getting married in June and I have to give a speech",
      "my sister just had a baby girl!!",
    ]);
    expect(retired).toMatch(/congratulations to your dad/i);
    expect(retired).toMatch(/40 years/);
    expect(wedding).toMatch(/congratulations to your sister/i);
    expect(speech).toMatch(/speech/i);
    expect(baby).toMatch(/congratulations|baby/i);
    for (const reply of [retired, wedding, speech, baby]) expect(reply).not.toMatch(sympathy);
  });

  it("asks how the person feels about an ex's wedding instead of congratulating", async () => {
    const [ex] = await askAgent(["my ex is getting married next month"]);
    expect(ex).toMatch(/how are you feeling about it\?/i);
    expect(ex).not.toMatch(/congratulations|lovely|wonderful/i);
    expect(readMessage("my ex-husband got engaged").feeling).toBeNull();
  });

  it("reads a wedding told in Spanish or French as the same news", async () => {
    const [spanish, french] = await askAgent([
      "mi hermana se casa en junio 😍",
      "mon frère se marie en août",
    ]);
    expect(spanish).toMatch(/^¡Qué buena noticia! Felicidades/);
    expect(french).toMatch(/^Quelle belle nouvelle ! Félicitations/);
  });

  it("told the same wedding twice, is glad again in other words", async () => {
    const [first, again] = await askAgent([
      "my sister is getting married in June 😍",
      "my sister is getting married in June!",
    ]);
    expect(first).toMatch(/congratulations to your sister/i);
    expect(again).not.toMatch(/congratulations to your sister/i);
    expect(again).toMatch(/still smiling about your sister's news/);
  });

  it("reads 'cant sleep' as telling, not as a question it does not know the answer to", async () => {
    const [sleepless] = await askAgent(["cant sleep"]);
    expect(sleepless).not.toMatch(/not sure|search|no idea/i);
    expect(readMessage("can't sleep").question).toBeNull();
    expect(readMessage("can you sleep").question).not.toBeNull();
  });

  it("reads everyday hellos and goodbyes it did not know: konnichiwa, cya, going to sleep", async () => {
    expect(readMessage("konnichiwa Aiko!!").greeting).toBe(true);
    expect(readMessage("ok cya").farewell).toBe(true);
    expect(readMessage("ok I'll try to sleep now").farewell).toBe(true);
    expect(readMessage("I can't sleep").farewell).toBe(false);
    const [tired] = await askAgent(["Ich bin total müde, hab kaum geschlafen"]);
    expect(tired).toMatch(/müde|ruh dich|ausruhen/i);
  });
});
