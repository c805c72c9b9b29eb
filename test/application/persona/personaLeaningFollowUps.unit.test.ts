import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const agent = (name: string, occupation: string, interests: string[]): Dialogue["agent"] => ({
  name,
  homeCity: "York",
  country: "England",
  occupation,
  timezone: "Europe/London",
  interests,
  summary: `A ${occupation} who likes a chat.`,
  backstory: "Grew up by the sea.",
});

/** 19:00 on a Wednesday in York. */
const wednesdayEvening = "2025-03-12T19:00:00Z";

describe("turns that lean on the one before", () => {
  it("gives a reason to 'but why?' and 'why tho', not a shrug", async () => {
    for (const why of ["but why?", "why tho", "how so?"]) {
      const [, reason] = await askAgent(["what's the best bit of your job?", why]);
      expect(reason, why).toMatch(/^Because/);
      expect(reason, why).not.toMatch(/look it up|not sure|no idea/i);
    }
  });

  it("answers whether it works at the weekend or next week after talk of tomorrow", async () => {
    const [, weekend, nextWeek] = await askAgent(
      ["what are you doing tomorrow?", "r u working this weekend?", "do you work next week?"],
      agent("Ben Holt", "plumber", ["darts", "fishing"]),
      wednesdayEvening,
    );
    expect(weekend).toMatch(/^(?:No, (?:weekends are mine|the weekend's all mine)|Yes, weekends)/);
    expect(nextWeek).not.toMatch(/look it up|no idea/i);
  });

  it("reads a bare time after a question about its work as whether it works then", async () => {
    const [, then] = await askAgent(
      ["how's the job going?", "how about tomorrow?"],
      agent("Ben Holt", "plumber", ["darts", "fishing"]),
      wednesdayEvening,
    );
    expect(then).toMatch(/^(?:Yes|I do|No|Not tomorrow)\b.*\b(?:tomorrow|start|day off)/);
  });

  it("answers what it works on later with what, not with a yes or a no", async () => {
    const [saturday] = await askAgent(
      ["so what are you working on on saturday?"],
      agent("Ben Holt", "plumber", ["darts", "fishing"]),
      wednesdayEvening,
    );
    expect(saturday).toMatch(/^(?:Nothing|The usual work) — /);
  });

  it("listens when the person wants to tell it about their week or their shift", async () => {
    const [week] = await askAgent(["can I tell you about my week?"]);
    const [shift] = await askAgent(["i wanna talk about my shift"]);
    expect(week).toMatch(/How was your week/);
    expect(shift).toMatch(/How was your shift/);
  });

  it("ends a hello with no 'what about you?' and no 'have you ever tried…?'", async () => {
    for (const hello of ["hello Mira", "good evening", "hiya!", "hey you", "evening Mira"]) {
      const [reply] = await askAgent([hello]);
      expect(reply, hello).not.toMatch(/What about you\?|Have you ever tried/);
    }
  });
});

describe("how-tos of the older making trades, asked of the one who does them", () => {
  it("tells how a horse is shod, and that the nails do not hurt", async () => {
    const farrier = agent("Sam Pike", "farrier", ["horses", "cider"]);
    const [how, hurt] = await askAgent(
      ["how do you put shoes on a horse?", "but does it hurt the horse?"],
      farrier,
    );
    expect(how).toMatch(/hoof/);
    expect(hurt).toMatch(/no feeling/);
    expect(hurt).not.toMatch(/Ouch|poor you/);
  });

  it("tells how long an instrument takes and what wood goes into it", async () => {
    const luthier = agent("Ada Rowe", "luthier", ["folk music", "walking"]);
    const [long, wood] = await askAgent(
      ["how long does a cello take to build?", "what sort of wood do you use?"],
      luthier,
    );
    expect(long).toMatch(/months/);
    expect(wood).toMatch(/spruce|maple/);
  });

  it("says why its work is done that way when asked 'why tho' after how", async () => {
    const luthier = agent("Ada Rowe", "luthier", ["folk music", "walking"]);
    const [, why] = await askAgent(["how do you make a violin?", "why tho"], luthier);
    expect(why).toMatch(/^Because .*(?:shortcut|material)/);
  });

  it("tells how cheese is made, glass blown and cloth woven", async () => {
    const [cheese] = await askAgent(
      ["how do you make a camembert?"],
      agent("Lou Marsh", "cheesemaker", ["cycling"]),
    );
    const [glass] = await askAgent(["how do you blow a vase?"], agent("Kit Vane", "glassblower", ["rowing"]));
    const [cloth] = await askAgent(
      ["how long does a cloth take you?"],
      agent("Abena Owusu", "weaver", ["highlife music"]),
    );
    expect(cheese).toMatch(/rennet/);
    expect(glass).toMatch(/blowpipe/);
    expect(cloth).toMatch(/weeks/);
  });
});

describe("advice, kind words and visits asked in a turn of their own", () => {
  it("tells what to do about what the person just told, in its own field", async () => {
    const dentist = agent("Nia Shah", "dentist", ["tennis"]);
    const [, toothache] = await askAgent(["my back tooth is killing me", "so what should I do?"], dentist);
    const [gums] = await askAgent(["is it normal that my gums bleed a bit?"], dentist);
    expect(toothache).toMatch(/^Okay, here's what I'd do\. .*salt water/);
    expect(gums).toMatch(/gumline/);
    expect(gums).not.toMatch(/remind me/i);
  });

  it("answers 'should I?' after a step the person is weighing", async () => {
    const [, should] = await askAgent(["I'm considering selling my flat", "do you think I should?"]);
    expect(should).toMatch(/worth doing/);
  });

  it("takes thanks and praise in one line, and 'easy to talk to' as kind words", async () => {
    const [thanks] = await askAgent(["thank you, you're a gem"]);
    const [easy] = await askAgent(["you are so easy to chat with"]);
    expect(thanks).toMatch(/^(?:Anytime|Of course) — and /);
    expect(easy).toMatch(/blush|sweetest|kind of you/);
  });

  it("welcomes the person who asks to come and see it at work", async () => {
    const [visit] = await askAgent(["could I come and see you at work one day?"]);
    expect(visit).toMatch(/^(?:I'd love that|Yes, please do)\. Come by/);
  });
});

describe("what the turn before names, carried into the next", () => {
  it("gives tips for what the person just said they are nervous before", async () => {
    const [, tips] = await askAgent(["i get so anxious before auditions", "got any tips?"]);
    expect(tips).toMatch(/^Of course\. Being nervous before your auditions is normal/);
  });

  it("takes 'the best thing about it' after a question about its work as of its work", async () => {
    const [, best] = await askAgent(["so what do you do?", "and what's the best thing about that?"]);
    expect(best).toMatch(/^The best part is/);
  });

  it("answers 'don't you ever get bored?' about itself", async () => {
    const [bored] = await askAgent(["don't you ever get bored?"]);
    expect(bored).toMatch(/^Not now that you're here/);
  });

  it("meets a fear of not making friends in a new place with how it usually goes", async () => {
    const [friends] = await askAgent(["I'm worried I won't make any friends at uni"]);
    expect(friends).toMatch(/first coffee/);
  });

  it("leaves words said in passing out of what it recalls", async () => {
    const [, when] = await askAgent([
      "my sister is getting married in April lol",
      "when is my sister getting married?",
    ]);
    expect(when).toMatch(/April/);
    expect(when).not.toMatch(/lol/);
  });
});
