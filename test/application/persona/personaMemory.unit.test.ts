import { describe, expect, it } from "vitest";
import { aboutThePerson } from "../../../src/application/persona/personaAddressing.ts";

describe("a memory said back to the person", () => {
  it.each([
    ["Sam always forgets their keys by lunchtime", "you always forget your keys by lunchtime"],
    [
      "Sam grew up in Galway but moved to Dublin when Sam was ten",
      "you grew up in Galway but moved to Dublin when you were ten",
    ],
    [
      "Sam's sister is called Ana and she lives in Lisbon",
      "your sister is called Ana and she lives in Lisbon",
    ],
    ["Sam broke their ankle skiing", "you broke your ankle skiing"],
    ["my sister is called Ana", "your sister is called Ana"],
    [
      "Sam grew up in Hamburg but now Sam lives in Vienna",
      "you grew up in Hamburg but now you live in Vienna",
    ],
    [
      "Sam works nights and Sam usually sleeps until noon",
      "you work nights and you usually sleep until noon",
    ],
    ["Sam's boss Tom lives in Oslo", "your boss Tom lives in Oslo"],
    ["Sam likes to be called Sam", "you like to be called Sam"],
    ["Sam's name is Sam and Sam lives in Leeds", "your name is Sam and you live in Leeds"],
  ])("%s → %s", (memory, spoken) => {
    expect(aboutThePerson(memory, "Sam")).toBe(spoken);
  });

  it("turns a name ending in s that takes the apostrophe alone", () => {
    expect(aboutThePerson("Chris' dog Biscuit is sick", "Chris")).toBe("your dog Biscuit is sick");
  });
});
