import { describe, expect, it } from "vitest";
import { detectImageRequest } from "../../../src/application/imageRequests/detectImageRequest.ts";
import { seededRandom } from "../../../src/application/persona/personaRandom.ts";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { workActivity } from "../../../src/application/persona/personaSmallTalk.ts";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const agent = (
  occupation: string,
  interests: string[],
  summary = soundEngineer.summary,
): Dialogue["agent"] => ({
  ...soundEngineer,
  name: "Ada Brenner",
  occupation,
  interests,
  summary,
});
const captain = agent(
  "retired ferry captain",
  ["knitting", "tomatoes", "crosswords"],
  "A dry-humoured retired ferry captain, widowed, with two grown sons.",
);
const carpenter = agent("carpenter", ["mountain climbing", "beer gardens"]);
const coach = agent("chess coach", ["chess", "piano"]);
const yogi = agent("yoga teacher", ["yoga", "astrology"]);
const chef = agent("street-food chef", ["football", "jollof rice"]);

describe("the offline engine on the know-how of home, kitchen, garden and board", () => {
  it("answers in its own trade: a carpenter on a squeaky door and a table's wood", async () => {
    const [door, wood] = await askAgent(
      ["how do I fix a squeaky door?", "what wood is best for a table"],
      carpenter,
    );
    expect(door).toMatch(/hinge/i);
    expect(door).not.toMatch(/no expert/i);
    expect(wood).toMatch(/oak|beech/i);
  });

  it("teaches a chess coach's opening, goes on after e5 and says how to get better", async () => {
    const [opening, reply, better] = await askAgent(
      [
        "teach me a chess opening for beginners",
        "what if black plays e5",
        "whats the best way to get better at chess fast",
      ],
      coach,
    );
    expect(opening).toMatch(/e4/);
    expect(opening).not.toMatch(/go with your gut/i);
    expect(reply).toMatch(/Nf3|open games/);
    expect(better).toMatch(/puzzles|tactics/i);
  });

  it("knows the garden, a cook's rice and a sore back, and answers the back in Spanish", async () => {
    const [tomatoes] = await askAgent(["how do I keep tomatoes from splitting?"], captain);
    expect(tomatoes).toMatch(/water/i);
    expect(tomatoes).not.toMatch(/start small/i);
    const [rice] = await askAgent(["how long do I cook the rice"], chef);
    expect(rice).toMatch(/minutes/);
    const [back] = await askAgent(["me duele la espalda, ¿qué me recomiendas?"], yogi);
    expect(back).toMatch(/mi consejo/i);
  });
});

describe("the offline engine on the agent's own stories", () => {
  it("tells of its sons when its persona has them, never 'No, I don't'", async () => {
    const [kids] = await askAgent(["do you have kids?"], captain);
    expect(kids).toMatch(/two grown sons/i);
    expect(kids).not.toMatch(/no, I don't|I don't, actually/i);
  });

  it("answers a question for a story, a secret or a missed past instead of saying what it is doing", async () => {
    const [storm, missing, knitting] = await askAgent(
      [
        "whats the scariest storm you ever sailed through",
        "do u miss being at sea?",
        "what are you knitting right now?",
      ],
      captain,
    );
    expect(storm).toMatch(/scariest storm\?/i);
    expect(storm).toMatch(/ferry captain/);
    expect(missing).toMatch(/being at sea was a big part/i);
    expect(knitting).toMatch(/knitting is how I switch off/i);
    const [mountain, english, secret] = await askAgent(
      [
        "whats the highest mountain you climbed",
        "can you speak english too?",
        "what's your secret ingredient",
      ],
      carpenter,
    );
    expect(mountain).toMatch(/years of mountain climbing/);
    expect(english).toMatch(/English is no problem/);
    expect(secret).toMatch(/secret|hint|stays with me/i);
    expect(secret).not.toMatch(/getting into work/i);
  });

  it("tells what fills its time off when asked about it outside work", async () => {
    const [free] = await askAgent(["what do you do when you're not coaching"], coach);
    expect(free).toMatch(/chess|piano/i);
    expect(free).not.toMatch(/as always/i);
  });

  it("says a yoga teacher's work is classes, not a teacher's marking", () => {
    const works = Array.from({ length: 12 }, (_, seed) =>
      workActivity("yoga teacher", seededRandom(seed, "Ada", "")),
    );
    expect(works.join(" ")).not.toMatch(/marking/i);
    expect(works.join(" ")).toMatch(/class/i);
  });
});

describe("the offline engine on asks of its craft, its pet and its tastes", () => {
  const librarian = agent("librarian", ["novels", "tea", "her cat Proust"]);
  const pianist = agent("chess coach", ["chess", "piano"]);

  it("makes what its craft makes when asked, and laughs at itself outside it", async () => {
    const [scarf] = await askAgent(["can you knit me a scarf haha"], captain);
    expect(scarf).toMatch(/a scarf\? For you, gladly/i);
    const [birdhouse] = await askAgent(["can you make me a birdhouse"], carpenter);
    expect(birdhouse).toMatch(/birdhouse\? For you, gladly/i);
    const [cake] = await askAgent(["can you bake me a cake"], carpenter);
    expect(cake).toMatch(/wouldn't want a cake made by me/i);
  });

  it("plays something on the instrument it loves rather than saying it never learned", async () => {
    const [tune] = await askAgent(["can you play something for me on the piano"], pianist);
    expect(tune).toMatch(/piano/i);
    expect(tune).not.toMatch(/never learned/i);
  });

  it("watched the match when it loves the sport", async () => {
    const [match] = await askAgent(["did you watch the match last night??"], chef);
    expect(match).toMatch(/wouldn't miss it/i);
    expect(match).not.toMatch(/documentary/i);
  });

  it("knows its pet by the name its interests give it", async () => {
    const [proust] = await askAgent(["how is Proust doing?"], librarian);
    expect(proust).toMatch(/Proust/);
    expect(proust).not.toMatch(/not sure/i);
  });

  it("takes 'any book recs?' and 'any film recommendations?' as asks for a pick", async () => {
    const [books, films] = await askAgent(["any book recs?", "any film recommendations?"], librarian);
    expect(books).toMatch(/my pick/i);
    expect(films).toMatch(/my pick/i);
  });
});

describe("the offline engine on days off, compliments and other languages", () => {
  const librarian = agent("librarian", ["novels", "tea"]);

  it("tells what its Sundays are for, not what its job is", async () => {
    const [sundays] = await askAgent(["what do you do on sundays"], carpenter);
    expect(sundays).toMatch(/mountain climbing|beer gardens/i);
    expect(sundays).not.toMatch(/carpenter|wood|sanding/i);
  });

  it("takes 'you have beautiful taste' as a compliment", () => {
    expect(readMessage("you have beautiful taste, you know that? 😊").kind).toBe("compliment");
  });

  it("answers where it is from and what it reads in Spanish and French, and never reads 'a book about novels'", async () => {
    const [from] = await askAgent(["¿de dónde eres?"], yogi);
    expect(from).not.toMatch(/don't know/i);
    const [reading] = await askAgent(["qu'est-ce que tu lis en ce moment ?"], librarian);
    expect(reading).toMatch(/novel/i);
    expect(reading).not.toMatch(/book about novels|no idea/i);
  });
});

describe("the offline engine on its sport and its morning", () => {
  it("says who it backs when it follows the sport, and asks back when it does not", async () => {
    const [cup, clubs] = await askAgent(
      ["who do you think wins the cup this year", "do you support Chelsea or Arsenal"],
      chef,
    );
    expect(cup).toMatch(/underdogs/i);
    expect(clubs).toMatch(/between those two/i);
    const [notMine] = await askAgent(["who do you think wins the cup this year"], captain);
    expect(notMine).toMatch(/don't follow it/i);
  });

  it("answers 'so how was your morning' as 'how was your morning'", async () => {
    const [morning] = await askAgent(["so how was your morning"], captain);
    expect(morning).toMatch(/Pretty good|Not bad|Good, honestly/);
    expect(morning).not.toMatch(/as always/i);
  });
});

describe("the offline engine reading goodbyes and picture requests", () => {
  it("reads a casual or foreign goodbye as a goodbye", () => {
    for (const bye of ["night bro", "tschüss, bis bald", "au revoir !", "hasta luego"])
      expect(readMessage(bye).kind, bye).toBe("farewell");
  });

  it("takes a picture of the agent's food stall as a scene request", () => {
    expect(detectImageRequest("show me a picture of your food stall")).toMatchObject({
      requested: true,
      kind: "scene",
    });
  });
});
