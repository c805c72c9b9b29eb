import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("something still to come, told with when it is", () => {
  it("names the event and its time and asks what fits it; not what is over, dreaded or someone else's", async () => {
    const cases: [string, RegExp, RegExp][] = [
      ["we're flying to new york in two weeks", /New York in two weeks/, /looking forward|holiday/],
      ["I'm moving house tomorrow", /moving tomorrow/, /packed|moving to/],
      ["my mum and I are flying to rome next week", /Rome next week/, /looking forward|holiday/],
      ["I have an exam on friday", /exam is on Friday/, /revision|in\?/],
      ["I have a job interview next week", /job interview is next week/, /job|role/],
      ["I have a hospital appointment tomorrow", /hospital appointment tomorrow/, /routine|with you/],
      ["I'm starting a new job on monday", /new job on Monday/, /doing|first day/],
      ["it's my birthday on saturday", /birthday is on Saturday/, /celebrate/],
    ];
    for (const [told, event, asks] of cases) {
      const [reply] = await askAgent([told]);
      expect(reply, told).toMatch(event);
      expect(reply, told).toMatch(asks);
      expect(reply, told).toMatch(/\?/);
      expect(reply, told).not.toMatch(/happy birthday|big news|°C/i);
    }
    // What is over, what is dreaded and what is someone else's are left to the replies made for them.
    for (const told of [
      "I had my exam on friday",
      "I have an exam tomorrow and I'm dreading it",
      "my brother has an interview next week",
    ]) {
      const [reply] = await askAgent([told]);
      expect(reply, told).not.toMatch(/rooting for you|is (?:on Friday|tomorrow|next week) —/);
    }
  });

  it("remembers a trip told with 'we', and finds it when asked about 'my trip'", async () => {
    const replies = await askAgent([
      "we're flying to new york in two weeks",
      "I have a job interview next week",
      "remember my trip?",
    ]);
    expect(replies[2]).toMatch(/you're flying to new york in two weeks/i);
  });

  it("meets how it turned out as news: glad or sorry, and a question that fits", async () => {
    const [well, badly, back, trip] = await askAgent([
      "the interview went really well!",
      "my exam went badly",
      "guess what, we're back from new york",
      "just got back from my trip",
    ]);
    expect(well).toMatch(
      /^That's brilliant — I'm so glad the interview went well|^Yes! I had a feeling the interview/,
    );
    expect(well).toMatch(/hear back\?/);
    expect(badly).toMatch(/sorry/i);
    expect(badly).toMatch(/\?/);
    expect(back).toMatch(/welcome (?:back|home)/i);
    expect(back).toMatch(/New York\?/);
    expect(trip).toMatch(/welcome (?:back|home)/i);
  });
});
