import { describe, expect, it } from "vitest";
import { smallTalkReplies } from "./dialogues/smallTalkReplies.ts";

const answers = (says: string[], at: string, personTimezone: string | null = null) =>
  smallTalkReplies(says, at, personTimezone, 940);

const lastOf = async (says: string[], at: string, personTimezone: string | null = null) =>
  (await answers(says, at, personTimezone)).at(-1)!;

// 20:00, 09:00 and 12:00 in Lisbon.
const EVENING = "2026-12-02T20:00:00Z";
const MORNING = "2026-12-02T09:00:00Z";
const NOON = "2026-12-02T12:00:00Z";

describe("a person telling their own hour", () => {
  it("is met as that hour, with the agent's own said when it is another", async () => {
    expect(await lastOf(["hi", "haha it's morning for me, I just woke up"], EVENING)).toBe(
      "Morning to you, then, Sam! Here it's evening. Did you sleep well?",
    );
    expect(await lastOf(["hi", "I just woke up"], MORNING)).toBe(
      "Morning to you, then, Sam! Did you sleep well?",
    );
    expect(await lastOf(["hi", "it's late here, I'm about to go to sleep"], MORNING)).toMatch(
      /^Sleep well, then, Sam! Here it's morning\./,
    );
    expect(await lastOf(["hi", "it's evening for me"], MORNING)).toMatch(
      /^Good evening to you, then, Sam! Here it's morning\. How was your day\?/,
    );
  });

  it("is a rest, not a morning, when their clock shows a later hour", async () => {
    // 17:00 in New York, 22:00 for the agent.
    expect(await lastOf(["hi", "I just woke up"], "2026-12-02T22:00:00Z", "America/New_York")).toBe(
      "Hello again, Sam! Here it's evening. Did you have a good rest?",
    );
  });

  it("is not read into what others did or into a plan", async () => {
    for (const said of [
      "my son just woke up screaming",
      "I'm going to sleep on it",
      "I just got up to get water",
    ])
      expect(await lastOf(["hi", said], EVENING), said).not.toMatch(/to you, then|Sleep well, then/);
  });

  it("is met so in each language the engine speaks", async () => {
    const cases: [string[], RegExp][] = [
      [
        ["¡Hola!", "acabo de despertarme"],
        /^¡Buenos días, entonces, Sam! Aquí es de noche\. ¿Dormiste bien\?/,
      ],
      [["Olá!", "acabei de acordar"], /^Bom dia, então, Sam! Aqui é de noite\. Dormiste bem\?/],
      [
        ["Salut !", "je viens de me réveiller"],
        /^Bonjour, alors, Sam ! Ici, c'est le soir\. Tu as bien dormi \?/,
      ],
      [["Hallo!", "bei mir ist es Morgen"], /^Guten Morgen also, Sam! Hier ist es Abend\./],
      [["Ciao!", "vado a dormire"], /^Dormi bene, Sam!/],
    ];
    for (const [says, met] of cases) expect(await lastOf(says, EVENING), says.at(-1)).toMatch(met);
  });
});

describe("the person's own 'you're welcome'", () => {
  it("is met as a courtesy and the talk carried on from what they last told", async () => {
    const english = await lastOf(["hi", "I started a new job", "no problem"], EVENING);
    expect(english).toMatch(
      /^(?:Ha, you're kind|You're sweet)\. Earlier you said .*new job.* — how's that going\?$/,
    );
    const cases: [string[], RegExp][] = [
      [
        ["Olá!", "mudei para o Porto", "obrigado!", "De nada!"],
        /^(?:És um amor|Que simpático)\. .*«mudei para o Porto»/,
      ],
      [
        ["¡Hola!", "adoptamos un perro", "gracias", "¡de nada!"],
        /^(?:Qué amable|Eres un encanto)\. .*«adoptamos un perro»/,
      ],
      [["Salut !", "j'ai commencé la poterie", "merci", "de rien"], /«\s?j'ai commencé la poterie\s?»/],
      [
        ["Hallo!", "ich habe einen Hund adoptiert", "danke", "gern geschehen"],
        /„ich habe einen Hund adoptiert“/,
      ],
    ];
    for (const [says, met] of cases) {
      const reply = await lastOf(says, NOON);
      expect(reply, says.at(-1)).toMatch(met);
      expect(reply).not.toMatch(/Conta-me mais|Estou a ver|Ya veo|Erzähl mir mehr/);
    }
  });
});

describe("a wish tied to a time of day in another language", () => {
  it("is wished back at its hour, as in English", async () => {
    expect(await lastOf(["buenos días"], MORNING)).toMatch(/^¡Buenos días, Sam!/);
    expect(await lastOf(["buongiorno"], MORNING)).toMatch(/^Buongiorno Sam!/);
    expect(await lastOf(["Bonjour"], MORNING)).toMatch(/^Bonjour Sam !/);
    expect(await lastOf(["guten Tag"], NOON)).toMatch(/^Guten Tag Sam!/);
  });

  it("at the wrong hour is met with the hour it is", async () => {
    expect(await lastOf(["Bonjour"], EVENING)).toMatch(/^Bonjour \? Ici, c'est le soir — bonsoir, Sam !/);
    expect(await lastOf(["guten Tag"], EVENING)).toMatch(
      /^Guten Tag\? Hier ist es Abend — guten Abend, Sam!/,
    );
    expect(await lastOf(["night night"], NOON)).toMatch(
      /^Good night\? It's only the afternoon here — off for a nap\?/,
    );
  });
});
