import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const agent = (occupation: string, interests: string[]): Dialogue["agent"] => ({
  ...soundEngineer,
  name: "Ada Brenner",
  occupation,
  interests,
});
const mechanic = agent("bike mechanic", ["old motorbikes", "jazz records"]);
const baker = agent("baker", ["sourdough", "chess"]);
const painter = agent("muralist", ["street art", "skating"]);

describe("the offline engine on know-how", () => {
  it("answers a question in its own trade with how it is done, not with 'no expert'", async () => {
    const [puncture, chain] = await askAgent(
      ["my back wheel has a puncture, how can I repair it?", "and how do I stop the chain skipping?"],
      mechanic,
    );
    expect(puncture).toMatch(/tube|patch/i);
    expect(puncture).not.toMatch(/no expert/i);
    expect(chain).toMatch(/oil|clean/i);
    const [bread] = await askAgent(["why won't my dough rise?"], baker);
    expect(bread).toMatch(/yeast|warm/i);
  });

  it("tells what it knows about a subject it loves, and says so when it knows nothing", async () => {
    const [jazz, quantum] = await askAgent(
      ["what do you know about jazz?", "what do you know about quantum physics?"],
      mechanic,
    );
    expect(jazz).toMatch(/New Orleans|Miles Davis|made up on the spot/);
    expect(quantum).toMatch(/not much about quantum physics/i);
  });

  it("answers outside its field as a friend who knows a little", async () => {
    const [sharks] = await askAgent(["are sharks dangerous?"], baker);
    expect(sharks).toMatch(/sharks/i);
    expect(sharks).toMatch(/no expert|only know a little/i);
  });
});

describe("the offline engine on play", () => {
  it("answers a drawing request in character: an artist gladly, anyone else laughing at itself", async () => {
    const [fromBaker] = await askAgent(["could you draw me a horse?"], baker);
    expect(fromBaker).toMatch(/draw a horse\?/);
    expect(fromBaker).toMatch(/selfie/i);
    const [fromPainter] = await askAgent(["can you sketch a lighthouse for me"], painter);
    expect(fromPainter).toMatch(/a lighthouse/);
    expect(fromPainter).not.toMatch(/potato/);
  });

  it("plays along with a knock-knock joke and laughs at the person's own joke", async () => {
    const [knock, pun] = await askAgent(["Knock knock", "what do you call a fish with no eyes? a fsh 😂"]);
    expect(knock).toMatch(/who's there\?/i);
    expect(knock).not.toMatch(/what are you up to|what about you/i);
    expect(pun).toMatch(/got me|terrible|groan/i);
    expect(pun).not.toMatch(/I feel that|sorry/i);
  });
});

describe("the offline engine on other people's ages", () => {
  it("takes the age given with the question, recalls it later, and asks when it was not given", async () => {
    const [, given, recalled, unknown] = await askAgent([
      "my cousin Marta is moving in with me",
      "how old is she? she's 31",
      "how old is my cousin?",
      "how old is Bruno, my neighbour?",
    ]);
    expect(given).toMatch(/Marta is 31/);
    expect(recalled).toMatch(/Marta is 31/);
    expect(unknown).toMatch(/how old is Bruno\?/);
  });

  it("finds an age told a few lines after the person, asked with the name in lower case", async () => {
    const [, notYet, , asked] = await askAgent([
      "my little brother Kenji just got his driving licence!!",
      "how old is he again?",
      "oh sorry I didn't tell you, he's 18",
      "so how old is kenji?",
    ]);
    expect(notYet).toMatch(/how old is Kenji\?/);
    expect(asked).toMatch(/Kenji is 18/);
    const [, , , roommate] = await askAgent([
      "my roommate Felix keeps eating my food",
      "what should I say to him?",
      "he's 29 btw and still can't cook",
      "how old is felix?",
    ]);
    expect(roommate).toMatch(/Felix is 29/);
    const [, , buddy] = await askAgent([
      "my buddy Raj said the film is overrated",
      "he's 24 lol",
      "how old is raj",
    ]);
    expect(buddy).toMatch(/Raj is 24/);
    const [, , , , unnamed] = await askAgent([
      "my little brother just got his driving licence!!",
      "so proud of him",
      "how old is he again?",
      "he's 18",
      "so how old is he?",
    ]);
    expect(unnamed).toMatch(/brother is 18/);
  });
});

describe("the offline engine on discontent and corrections", () => {
  it("meets a complaint with sympathy, never with excitement", async () => {
    for (const said of [
      "ugh this sucks",
      "honestly I just want to cry",
      "everything is so frustrating today",
    ]) {
      const [reply] = await askAgent([said]);
      expect(reply, said).not.toMatch(/exciting|excited|Look at you|Tell me more/i);
    }
  });

  it("takes a correction of plain words or numbers, not as an apology or news", async () => {
    const [pet, age] = await askAgent(["sorry I meant my hamster, not my rabbit", "no wait, she is 9 not 8"]);
    expect(pet).toMatch(/Hamster, not rabbit/);
    expect(pet).not.toMatch(/apologi|it's okay/i);
    expect(age).toMatch(/9, not 8/);
  });
});

describe("the offline engine on everyday German, Spanish and French", () => {
  it("reads how the person feels and what they ask", async () => {
    const [de, es, fr, deDay] = await askAgent([
      "Mir geht es heute nicht so gut",
      "estoy muy triste",
      "je suis fatiguée",
      "Wie war dein Tag?",
    ]);
    expect(de).toMatch(/tut mir leid|ich bin da|schwer/i);
    expect(es).toMatch(/lo siento|estoy aquí|duro/i);
    expect(fr).toMatch(/repose|fatigue/i);
    expect(deDay).toMatch(/\b(?:Tag|Arbeit)\b|voller Tag|Lang, aber/);
    expect(deDay).not.toMatch(/weiß ich (?:das )?nicht/i);
  });
});

describe("the offline engine on the people the person tells of", () => {
  it("says the name asked again, and judges a partner kindly instead of as a topic", async () => {
    const [, name, him] = await askAgent([
      "my nephew Tobias starts school tomorrow",
      "what's his name again?",
      "what do you think of him?",
    ]);
    expect(name).toMatch(/Tobias/);
    expect(him).toMatch(/like the sound of him/);
    expect(him).not.toMatch(/underrated|fascinating/);
  });

  it("meets someone else's good news as theirs, and hopes with the person when asked", async () => {
    const [news, hope] = await askAgent([
      "my brother just got engaged!",
      "do you think she'll be ok after the operation?",
    ]);
    expect(news).not.toMatch(/Look at you/);
    expect(hope).toMatch(/hope|think so/i);
    expect(hope).not.toMatch(/not really|not much/i);
  });
});

describe("the offline engine on tiredness and goodbyes", () => {
  it("meets tiredness with rest, not 'what happened?'", async () => {
    for (const said of ["I'm so tired", "je suis fatiguée", "I'm absolutely knackered"]) {
      const [reply] = await askAgent([said]);
      expect(reply, said).toMatch(/worn out|shattered|tired|rest|early night|long day|repose|fatigue/i);
      expect(reply, said).not.toMatch(/what happened|qu'est-ce qui s'est passé/i);
    }
  });

  it("says good night only at night or when the person goes to bed", async () => {
    const [afternoon] = await askAgent(["ok bye!"], soundEngineer, "2025-03-10T14:00:00Z");
    expect(afternoon).not.toMatch(/good night|sweet dreams|sleep well/i);
    const [bedtime] = await askAgent(["night night 😴"], soundEngineer, "2025-03-10T14:00:00Z");
    expect(bedtime).toMatch(/night|sleep/i);
  });
});

describe("the offline engine after a passing state", () => {
  it("does not meet happy news told after 'I'm tired' with 'what happened?'", async () => {
    const [, next] = await askAgent(["I'm so tired", "my son loves your songs"]);
    expect(next).not.toMatch(/what happened|I'm sorry/i);
  });
});
