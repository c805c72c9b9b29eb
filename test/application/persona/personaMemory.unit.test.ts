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
  ])("%s → %s", (memory, spoken) => {
    expect(aboutThePerson(memory, "Sam")).toBe(spoken);
  });
});
