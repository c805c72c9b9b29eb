import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("a story of the agent's work, and what came after", () => {
  it("tells the weirdest thing that happened at work, asked without a 'you'", async () => {
    const [story] = await askAgent(["whats the weirdest thing that happened at work?"]);
    expect(story).toMatch(/^The weirdest thing\? .*years ago/);
  });

  it("goes on with that story when asked what happened next, then ends it", async () => {
    const replies = await askAgent([
      "whats the scariest call you've had?",
      "what happened next?",
      "and then?",
    ]);
    expect(replies[1]).toMatch(/^Afterwards\b/);
    expect(replies[1]).not.toMatch(/first weeks were the hardest/);
    expect(replies[2]).toMatch(/whole story/);
  });
});

describe("a story the person asked for", () => {
  it("is about someone in the place asked of, and ends when asked what happened then", async () => {
    const replies = await askAgent(["tell me a story about the ocean", "and what happened then?"]);
    expect(replies[0]).toMatch(/Once upon a time there was a little fox by the ocean who/);
    expect(replies[1]).toMatch(/where it ends/);
  });
});

describe("questions about the agent's work, mood and time", () => {
  it("says how it came to its work when asked why it became one", async () => {
    const [why] = await askAgent(["why did you become a sound engineer?"]);
    expect(why).toMatch(/sound engineer/);
    expect(why).not.toMatch(/^I just|dinner|sitting down/);
  });

  it("answers its mood, that it is still awake, and whether it is busy tomorrow", async () => {
    const replies = await askAgent(["and you, how is your mood today?", "r u still awake?", "u busy tmrw?"]);
    expect(replies[0]).toMatch(/^I.m \w/);
    expect(replies[0]).not.toMatch(/^I.m (?:making|curled|reading|just)/);
    expect(replies[1]).toMatch(/^(?:Yep|Yes|Still|Right here|Barely|I am now|I'm (?:here|around|up|awake))/i);
    expect(replies[2]).toMatch(/tomorrow/i);
  });
});

describe("a favourite place for something it loves", () => {
  it("is a place, not the thing again", async () => {
    const [reply] = await askAgent(["what's your favourite ramen place?"], {
      ...soundEngineer,
      interests: ["synths", "ramen", "night walks"],
    });
    expect(reply).toMatch(/place|spot|counter|station/);
    expect(reply).not.toMatch(/^(?:Easy — |Probably )?ramen\b/i);
  });
});

describe("the person doubting who they will be", () => {
  it("is met with faith in them, not asked what happened", async () => {
    const [reply] = await askAgent(["im scared ill be a bad father"]);
    expect(reply).toMatch(/good ones/);
    expect(reply).not.toMatch(/What happened\?/);
  });
});

describe("a hello or a goodbye in another language", () => {
  it("is a goodbye, answered with one", async () => {
    for (const bye of ["à plus", "a bientot!", "tchau tchau"]) {
      const [reply] = await askAgent([bye]);
      expect(reply, bye).toMatch(
        /\b(?:Bye|Take care|Talk soon|Good night|Night|Bonne nuit|Boa noite)\b|À (?:demain|bientôt)/i,
      );
    }
  });

  it("is a greeting, answered with one", async () => {
    for (const hello of ["konbanwa kenji", "bonsoir Omar", "buongiorno!", "guten Abend"]) {
      const [reply] = await askAgent([hello]);
      // Answered in the language it was said in, where the engine has one.
      expect(reply, hello).toMatch(
        /^(?:Hi|Hey|Hello|Good (?:morning|afternoon|evening)|Morning|Evening|Salut|Coucou|Bonsoir|Hallo|Guten Abend|Ciao|Buongiorno)\b/,
      );
    }
  });
});
