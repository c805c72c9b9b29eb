import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("the offline engine's own favourites and picks", () => {
  it("names a favourite flower, from its own interests where one is a flower", async () => {
    const [any] = await askAgent(["what's your favourite flower"]);
    expect(any).not.toMatch(/Hard to pick/);
    const gardener = { ...soundEngineer, interests: ["gardening", "roses", "fado"] };
    const [own] = await askAgent(["what's your favourite flower"], gardener);
    expect(own).toMatch(/roses/i);
  });

  it("recommends a song of the genre asked, not its own favourite kind", async () => {
    const [country] = await askAgent(["recommend me a country song"]);
    expect(country).toMatch(/Dolly Parton|Johnny Cash|Old Crow Medicine Show/);
    const [jazz] = await askAgent(["can you recommend a jazz song?"]);
    expect(jazz).toMatch(/Brubeck|Miles Davis|Coltrane/);
  });
});
