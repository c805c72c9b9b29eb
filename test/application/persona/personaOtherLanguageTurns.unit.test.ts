import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const named = (name: string): Dialogue["agent"] => ({ ...soundEngineer, name });

describe("favourites, plans and 'why?' asked in Spanish, French or German", () => {
  // Films, books, cities, seasons and colours are named as the language names them; a kind whose favourites are
  // English phrases ("a good bowl of ramen") is met with an honest "hard to pick one".
  it("answers a favourite asked in Spanish or French in that language, from the same picks as English", async () => {
    const [film] = await askAgent(["¿cuál es tu película favorita?"]);
    const [english] = await askAgent(["what's your favourite film?"]);
    const [food] = await askAgent(["¿cuál es tu comida favorita?"]);
    const [season] = await askAgent(["quelle est ta saison préférée ?"]);
    const pick = /Spirited Away|Amélie|Before Sunrise|Grand Budapest/.exec(english!)?.[0];
    expect(film).toContain(pick === "Spirited Away" ? "El viaje de Chihiro" : pick);
    expect(food).toMatch(/difícil elegir/i);
    expect(season).toMatch(/l'automne|la fin du printemps/);
  });

  it("says why it likes a thing, asked in German or Italian, in that language", async () => {
    const [warum] = await askAgent(["Warum magst du Surfen so sehr?"]);
    const [perche] = await askAgent(["Perché ti piace il surf?"]);
    expect(warum).toMatch(/^Weil\b|^Manche Dinge/);
    expect(perche).toMatch(/^Perché\b|^Ci sono cose/);
  });

  it("gives the reason for its pick to a 'why?' in English, and answers 'warum?' after English in English", async () => {
    const [, reason] = await askAgent(["what's your favourite film?", "why?"]);
    expect(reason).toMatch(/^Because /);
    const [, warum] = await askAgent(["what's your favourite film?", "Warum?"]);
    expect(warum).toMatch(/^Because /);
  });

  it("says what it is doing tomorrow, asked in Spanish, in Spanish", async () => {
    const [tomorrow] = await askAgent(["¿Qué vas a hacer mañana?"]);
    expect(tomorrow).toMatch(/^Nada especial mañana\b.*\b(?:surf|vinilos)\.$/);
  });
});

describe("a florist's know-how and favourites of many", () => {
  it("recommends flowers for a wedding as a florist would", async () => {
    const florist = { ...soundEngineer, occupation: "florist" };
    const [wedding] = await askAgent(["what flowers would you recommend for a bride?"], florist);
    expect(wedding).toMatch(/in season/);
  });

  it("speaks of a favourite that is many of a kind as many, and gives its reason so", async () => {
    let checked = 0;
    for (const name of ["Ana", "Bea", "Cleo", "Dora", "Eve", "Fay", "Gus", "Hal"]) {
      const [pick, reason] = await askAgent(["what's your favourite flower?", "why?"], named(name));
      if (!/sunflowers|peonies|tulips/.test(pick!)) continue;
      checked++;
      expect(pick).not.toMatch(/\b[Ii]t (?:gets|always)\b|tired of it\b/);
      expect(reason).toMatch(/never let me down/);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
