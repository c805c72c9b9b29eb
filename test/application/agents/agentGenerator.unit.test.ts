import { describe, expect, it } from "vitest";
import { draftProblems } from "../../../src/application/agents/agentGeneratorChecks.ts";
import { readPromptFacts } from "../../../src/application/agents/agentGeneratorFacts.ts";
import { modelAgentGenerator } from "../../../src/application/agents/modelAgentGenerator.ts";
import { templateAgentGenerator } from "../../../src/application/agents/templateAgentGenerator.ts";
import { checkIdentity, checkPersona } from "../../../src/domain/agent/profileRules.ts";
import type { ReplyModel } from "../../../src/ports/replyModel.ts";

interface Case {
  prompt: string;
  city: string;
  timezone: string;
  occupation: readonly string[];
  name?: string;
  age?: number;
  traits?: readonly string[];
  interests?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    prompt: "a grumpy retired jazz pianist in New Orleans",
    city: "New Orleans",
    timezone: "America/Chicago",
    occupation: ["retired", "pianist"],
    traits: ["grumpy"],
    interests: ["jazz"],
  },
  {
    prompt: "a cheerful barista in Lisbon who loves surfing",
    city: "Lisbon",
    timezone: "Europe/Lisbon",
    occupation: ["barista"],
    traits: ["cheerful"],
    interests: ["surfing"],
  },
  {
    prompt: "Ruth, 72, a retired schoolteacher from Porto who loves crosswords and gardening",
    city: "Porto",
    timezone: "Europe/Lisbon",
    occupation: ["retired", "schoolteacher"],
    name: "Ruth",
    age: 72,
    interests: ["crosswords", "gardening"],
  },
  {
    prompt: "a shy 24-year-old PhD student in Kyoto",
    city: "Kyoto",
    timezone: "Asia/Tokyo",
    occupation: ["phd", "student"],
    age: 24,
    traits: ["shy"],
  },
  {
    prompt: "A sarcastic software engineer living in Seattle, into rock climbing and craft beer",
    city: "Seattle",
    timezone: "America/Los_Angeles",
    occupation: ["software engineer"],
    traits: ["sarcastic"],
    interests: ["rock climbing", "craft beer"],
  },
  {
    prompt: "a night-shift ICU nurse in Manchester who is secretly a romantic",
    city: "Manchester",
    timezone: "Europe/London",
    occupation: ["nurse"],
    traits: ["romantic"],
  },
  {
    prompt: "a calm yoga teacher in Bali",
    city: "Denpasar",
    timezone: "Asia/Makassar",
    occupation: ["yoga teacher"],
    traits: ["calm"],
    interests: ["yoga"],
  },
  {
    prompt: "a witty bartender from Dublin",
    city: "Dublin",
    timezone: "Europe/Dublin",
    occupation: ["bartender"],
    traits: ["witty"],
  },
  {
    prompt: "an anxious junior architect in Copenhagen who loves cycling",
    city: "Copenhagen",
    timezone: "Europe/Copenhagen",
    occupation: ["architect"],
    traits: ["anxious"],
    interests: ["cycling"],
  },
  {
    prompt: "Kenji, a gentle ramen chef in Osaka",
    city: "Osaka",
    timezone: "Asia/Tokyo",
    occupation: ["ramen chef"],
    name: "Kenji",
    traits: ["warm"],
  },
  {
    prompt: "a moody tattoo artist in Berlin who collects vinyl",
    city: "Berlin",
    timezone: "Europe/Berlin",
    occupation: ["tattoo artist"],
    traits: ["melancholic"],
    interests: ["vinyl"],
  },
  {
    prompt: "an adventurous marine biologist based in Cape Town",
    city: "Cape Town",
    timezone: "Africa/Johannesburg",
    occupation: ["marine biologist"],
    traits: ["adventurous"],
  },
  {
    prompt: "a bubbly florist from Amsterdam",
    city: "Amsterdam",
    timezone: "Europe/Amsterdam",
    occupation: ["florist"],
    traits: ["cheerful"],
  },
  {
    prompt: "a stoic fisherman in Reykjavik",
    city: "Reykjavík",
    timezone: "Atlantic/Reykjavik",
    occupation: ["fisherman"],
  },
  {
    prompt: "a 35-year-old single dad who works as a plumber in Melbourne",
    city: "Melbourne",
    timezone: "Australia/Melbourne",
    occupation: ["plumber"],
    age: 35,
  },
  {
    prompt: "a curious museum curator in Mexico City who loves old maps",
    city: "Mexico City",
    timezone: "America/Mexico_City",
    occupation: ["museum curator"],
    traits: ["curious"],
    interests: ["old maps"],
  },
  {
    prompt: "a laid-back surf instructor in Sydney",
    city: "Sydney",
    timezone: "Australia/Sydney",
    occupation: ["surf instructor"],
    traits: ["calm"],
    interests: ["surfing"],
  },
  {
    prompt: "a blunt taxi driver in Istanbul",
    city: "Istanbul",
    timezone: "Europe/Istanbul",
    occupation: ["taxi driver"],
    traits: ["blunt"],
  },
  {
    prompt: "an optimistic kindergarten teacher in Toronto who enjoys baking",
    city: "Toronto",
    timezone: "America/Toronto",
    occupation: ["kindergarten teacher"],
    traits: ["optimistic"],
    interests: ["baking"],
  },
  {
    prompt: "a quiet librarian in Edinburgh, fan of poetry",
    city: "Edinburgh",
    timezone: "Europe/London",
    occupation: ["librarian"],
    traits: ["quiet"],
    interests: ["poetry"],
  },
  {
    prompt: "Lucía, a 29 year old flamenco dancer from Seville",
    city: "Seville",
    timezone: "Europe/Madrid",
    occupation: ["flamenco dancer"],
    name: "Lucía",
    age: 29,
  },
  {
    prompt: "an energetic personal trainer in Rio de Janeiro",
    city: "Rio de Janeiro",
    timezone: "America/Sao_Paulo",
    occupation: ["personal trainer"],
    traits: ["energetic"],
  },
  {
    prompt: "a cynical journalist in Paris",
    city: "Paris",
    timezone: "Europe/Paris",
    occupation: ["journalist"],
    traits: ["cynical"],
  },
  {
    prompt: "a thoughtful violin maker in Siena",
    city: "Siena",
    timezone: "Europe/Rome",
    occupation: ["violin maker"],
    traits: ["thoughtful"],
  },
  {
    prompt: "an eccentric astronomer in Santiago who loves stargazing",
    city: "Santiago",
    timezone: "America/Santiago",
    occupation: ["astronomer"],
    traits: ["eccentric"],
    interests: ["stargazing"],
  },
  {
    prompt: "a retired firefighter in Boston, gruff but kind",
    city: "Boston",
    timezone: "America/New_York",
    occupation: ["retired", "firefighter"],
    traits: ["grumpy", "warm"],
  },
  {
    prompt: "a playful game developer from Seoul who loves karaoke",
    city: "Seoul",
    timezone: "Asia/Seoul",
    occupation: ["game developer"],
    traits: ["witty"],
    interests: ["karaoke"],
  },
  {
    prompt: "a patient midwife in Nairobi",
    city: "Nairobi",
    timezone: "Africa/Nairobi",
    occupation: ["midwife"],
    traits: ["patient"],
  },
  {
    prompt: "a dreamy poet in Buenos Aires who loves tango",
    city: "Buenos Aires",
    timezone: "America/Argentina/Buenos_Aires",
    occupation: ["poet"],
    traits: ["romantic"],
    interests: ["tango"],
  },
  {
    prompt: "a stubborn farmer near Krakow who loves his dogs",
    city: "Kraków",
    timezone: "Europe/Warsaw",
    occupation: ["farmer"],
    traits: ["stubborn"],
    interests: ["dogs"],
  },
];

const MORE: readonly Case[] = [
  {
    prompt: "someone who teaches piano in Vienna",
    city: "Vienna",
    timezone: "Europe/Vienna",
    occupation: ["piano teacher"],
  },
  {
    prompt: "a 40-year-old stay-at-home dad in Chicago",
    city: "Chicago",
    timezone: "America/Chicago",
    occupation: ["stay-at-home dad"],
    age: 40,
  },
  {
    prompt: "Portuguese fado singer, 52, from Coimbra, melancholic",
    city: "Coimbra",
    timezone: "Europe/Lisbon",
    occupation: ["fado singer"],
    age: 52,
    traits: ["melancholic"],
  },
  {
    prompt: "an ex-marine turned florist in Austin",
    city: "Austin",
    timezone: "America/Chicago",
    occupation: ["florist"],
  },
  {
    prompt: "a bubbly samba dancer living in Rio who loves caipirinhas",
    city: "Rio de Janeiro",
    timezone: "America/Sao_Paulo",
    occupation: ["samba dancer"],
    traits: ["cheerful"],
    interests: ["caipirinhas"],
  },
  {
    prompt: "a cheerful woman in Lisbon who runs a bookshop",
    city: "Lisbon",
    timezone: "Europe/Lisbon",
    occupation: ["bookshop owner"],
    traits: ["cheerful"],
  },
];

describe("template agent generator: 30 prompts, every field", () => {
  it.each([...CASES, ...MORE])("$prompt", async (c) => {
    const draft = await templateAgentGenerator.generate({ prompt: c.prompt, appearancePrompt: "" });
    expect(draft.identity.homeCity).toBe(c.city);
    expect(draft.identity.timezone).toBe(c.timezone);
    for (const word of c.occupation) expect(draft.identity.occupation.toLowerCase()).toContain(word);
    if (c.name) expect(draft.name).toBe(c.name);
    const summary = draft.persona.summary;
    expect(summary).toContain(draft.name);
    expect(summary).toContain(draft.identity.homeCity);
    expect(summary).toContain(draft.identity.occupation);
    if (c.age) expect(summary).toContain(`, ${c.age},`);
    for (const trait of c.traits ?? []) expect(draft.persona.traits).toContain(trait);
    for (const interest of c.interests ?? [])
      expect(draft.persona.interests.some((i) => i.includes(interest))).toBe(true);
    expect(draftProblems(draft, readPromptFacts(c.prompt))).toEqual([]);
    expect(() => checkPersona(draft.persona)).not.toThrow();
    expect(() => checkIdentity(draft.identity)).not.toThrow();
  });

  it("reads a hobby however the description puts it, and keeps the accents of a city", async () => {
    for (const prompt of [
      "A retired teacher in São Paulo whose hobby is knitting",
      "A nurse from São Paulo who knits in the evenings",
      "A calm librarian in São Paulo. Hobbies: knitting, chess.",
      "Ana, 30, lives in São Paulo and spends her weekends knitting",
    ]) {
      expect(readPromptFacts(prompt).interests, prompt).toContain("knitting");
      const draft = await templateAgentGenerator.generate({ prompt, appearancePrompt: "" });
      expect(draft.persona.interests, prompt).toContain("knitting");
      expect(draft.identity).toMatchObject({ homeCity: "São Paulo", timezone: "America/Sao_Paulo" });
    }
    const polish = await templateAgentGenerator.generate({
      prompt: "Zoë, a shy potter in Łódź who plays the guitar",
      appearancePrompt: "",
    });
    expect(polish).toMatchObject({ name: "Zoë", identity: { homeCity: "Łódź", timezone: "Europe/Warsaw" } });
    expect(polish.persona.interests).toEqual(expect.arrayContaining(["guitar", "pottery"]));
    expect(readPromptFacts("Émile, a baker in Lyon").name).toBe("Émile");
    expect(readPromptFacts("a baker named Łukasz in Kraków").name).toBe("Łukasz");
    expect(
      (
        await templateAgentGenerator.generate({
          prompt: "Ólafur is a fisherman in Reykjavík",
          appearancePrompt: "",
        })
      ).name,
    ).toBe("Ólafur");
  });

  it("reads a gendered job title as the person's gender", () => {
    expect(readPromptFacts("a fisherman from Galway").gender).toBe("male");
    expect(readPromptFacts("a retired postman in Leeds").gender).toBe("male");
    expect(readPromptFacts("a businesswoman in Milan").gender).toBe("female");
    expect(readPromptFacts("a human rights lawyer in Geneva").gender).toBeNull();
    expect(readPromptFacts("a German teacher in Hamburg").gender).toBeNull();
  });

  it("refuses a city it does not know instead of inventing another", async () => {
    await expect(
      templateAgentGenerator.generate({ prompt: "a violin maker in Cremonaville", appearancePrompt: "" }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", reason: "UnknownCity" });
    const given = { homeCity: "Cremona", occupation: "violin maker", timezone: "Europe/Rome" };
    const draft = await templateAgentGenerator.generate({
      prompt: "a violin maker in Cremona",
      appearancePrompt: "",
      identity: given,
    });
    expect(draft.identity).toEqual(given);
  });

  it("says a retired agent is retired and never gives it an age of a young person", async () => {
    const draft = await templateAgentGenerator.generate({
      prompt: "a grumpy retired jazz pianist in New Orleans",
      appearancePrompt: "",
    });
    const age = Number(/, (\d+),/.exec(draft.persona.summary)?.[1]);
    expect(age).toBeGreaterThanOrEqual(60);
    expect(draft.persona.backstory).toMatch(/retired/);
    expect(draft.persona.traits).not.toContain("cheerful");
  });
});

const replying = (text: string): ReplyModel => ({
  name: "fake",
  describe: () => ({ adapter: "fake", model: "fake-1", offline: false }),
  streamReply: () => {
    throw new Error("not used");
  },
  complete: async () => ({
    text,
    model: "fake-1",
    usage: { promptTokens: 1, completionTokens: 1 },
    finishReason: "stop",
  }),
});

describe("model agent generator", () => {
  const contradicting = JSON.stringify({
    name: "Noor",
    persona: {
      summary: "Noor is a cheerful musician from Tokyo who loves old films.",
      traits: ["cheerful", "curious"],
      speakingStyle: "Bubbly.",
      backstory: "Noor grew up in Tokyo and plays in clubs.",
      interests: ["old films", "podcasts"],
    },
    identity: {
      homeCity: "Tokyo",
      country: "Japan",
      occupation: "musician",
      timezone: "Asia/Tokyo",
      latitude: 35.7,
    },
  });

  it("mends a model's draft that contradicts the description", async () => {
    const generator = modelAgentGenerator(replying(contradicting), templateAgentGenerator);
    const prompt = "a grumpy retired jazz pianist in New Orleans";
    const draft = await generator.generate({ prompt, appearancePrompt: "" });
    expect(draft.identity).toMatchObject({ homeCity: "New Orleans", timezone: "America/Chicago" });
    expect(draft.identity.occupation).toMatch(/retired.*pianist/);
    expect(draft.persona.traits).toContain("grumpy");
    expect(draft.persona.traits).not.toContain("cheerful");
    expect(draft.persona.interests).toContain("jazz");
    expect(draft.persona.summary).not.toMatch(/Tokyo/);
    expect(draft.persona.backstory).not.toMatch(/Tokyo/);
    expect(draftProblems(draft, readPromptFacts(prompt))).toEqual([]);
  });

  it("mends a model's draft that forgets where the agent comes from", async () => {
    const generator = modelAgentGenerator(replying(contradicting), templateAgentGenerator);
    const prompt = "a Brazilian chef who runs a food truck in Sydney";
    const draft = await generator.generate({ prompt, appearancePrompt: "" });
    expect(draft.identity).toMatchObject({ homeCity: "Sydney", occupation: "chef who runs a food truck" });
    expect(`${draft.persona.summary} ${draft.persona.backstory}`).toMatch(/Brazil/);
    expect(draftProblems(draft, readPromptFacts(prompt))).toEqual([]);
  });

  it("keeps a model's draft that agrees with the description", async () => {
    const agreeing = JSON.stringify({
      name: "Walter",
      persona: {
        summary: "Walter, 74, is a grumpy retired jazz pianist in New Orleans.",
        traits: ["grumpy", "proud"],
        speakingStyle: "Gruff.",
        backstory: "Walter played the clubs of Frenchmen Street for forty years.",
        interests: ["jazz", "crawfish boils"],
      },
      identity: {
        homeCity: "New Orleans",
        country: "United States",
        occupation: "retired jazz pianist",
        timezone: "America/Chicago",
        latitude: 29.95,
      },
    });
    const draft = await modelAgentGenerator(replying(agreeing), templateAgentGenerator).generate({
      prompt: "a grumpy retired jazz pianist in New Orleans",
      appearancePrompt: "",
    });
    expect(draft.name).toBe("Walter");
    expect(draft.persona.backstory).toBe("Walter played the clubs of Frenchmen Street for forty years.");
  });

  it("keeps the name the description gives, and the operator's own name and identity over both", async () => {
    const prompt = "Ruth, 72, a retired schoolteacher from Porto";
    const draft = await modelAgentGenerator(replying(contradicting), templateAgentGenerator).generate({
      prompt,
      appearancePrompt: "",
    });
    expect(draft.name).toBe("Ruth");
    expect(draft.identity.homeCity).toBe("Porto");
    expect(draft.persona.summary).toContain("72");
    const identity = { homeCity: "Quito", occupation: "guide", timezone: "America/Guayaquil" };
    const given = await modelAgentGenerator(replying(contradicting), templateAgentGenerator).generate({
      prompt,
      appearancePrompt: "",
      name: "Ana",
      identity,
    });
    expect(given).toMatchObject({ name: "Ana", identity });
  });
});
