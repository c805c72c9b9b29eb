import { describe, expect, it } from "vitest";
import { soundEngineer } from "./dialogues/askAgent.ts";
import { turn } from "./dialogues/dialogueTypes.ts";
import { playDialogue } from "./dialogues/playDialogue.ts";

/** A chat opened with a hello in the language, then one piece of news. */
async function newsMet(hello: string, news: string, seed: number): Promise<string> {
  const played = await playDialogue(
    {
      person: "Sam",
      personTimezone: null,
      agent: soundEngineer,
      startsAt: "2026-12-02T12:00:00Z",
      turns: [turn(hello, "greeting"), turn(news, "small-talk")],
    },
    950 + seed,
  );
  return played[1]!.reply;
}

describe("life news told in another language", () => {
  const cases: [string, string, RegExp][] = [
    ["hola!", "conseguí un trabajo nuevo", /enhorabuena|buena noticia/i],
    ["hola!", "me mudé a Madrid", /mudanza a Madrid/],
    ["hola!", "adoptamos un perro", /mascota nueva/],
    ["hola!", "¡me comprometí!", /Enhorabuena.*pedida/],
    ["olá!", "consegui um emprego novo", /parabéns|boa notícia/i],
    ["olá!", "mudei para o Porto", /mudança para Porto/],
    ["olá!", "adotamos um cachorro", /animal de estimação/],
    ["olá!", "fiquei noiva!", /Parabéns.*pedido/],
    ["salut !", "j'ai trouvé un nouveau travail", /félicitations|bonne nouvelle/i],
    ["salut !", "j'ai déménagé à Lyon", /déménagement à Lyon/],
    ["salut !", "on a adopté un chat", /quatre pattes/],
    ["salut !", "je me suis fiancée", /Félicitations.*demande/],
    ["hallo!", "ich habe einen neuen Job", /Glückwunsch|gute Neuigkeiten/],
    ["hallo!", "ich bin nach Berlin umgezogen", /Umzug nach Berlin/],
    ["hallo!", "wir haben einen Hund bekommen", /Haustier/],
    ["hallo!", "ich habe mich verlobt", /Glückwunsch.*Antrag/],
    ["ciao!", "ho trovato un nuovo lavoro", /complimenti|bella notizia/i],
    ["ciao!", "mi sono trasferita a Roma", /trasloco a Roma/],
    ["ciao!", "abbiamo preso un cane", /quattro zampe/],
    ["ciao!", "mi sono fidanzata", /Congratulazioni.*proposta/],
  ];
  it("is met with gladness and a question that fits, in that language", async () => {
    for (const [i, [hello, news, met]] of cases.entries())
      expect(await newsMet(hello, news, i), news).toMatch(met);
  });
});
