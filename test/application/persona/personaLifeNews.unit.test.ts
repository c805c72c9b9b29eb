import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

/** What a reply that only half heard says: the weather, its own evening, "tell me more". */
const NON_ANSWER =
  /\b(?:Evenings are my favourite|overcast|°C|Have you ever tried|Tell me more|didn't know that about you)\b/i;

async function meets(cases: readonly [string, RegExp][], asks = true) {
  for (const [say, fits] of cases) {
    const [, reply] = await askAgent(["hey", say]);
    expect(reply, say).not.toMatch(NON_ANSWER);
    expect(reply, say).toMatch(fits);
    if (asks) expect(reply, say).toMatch(/\?(?:\s|\p{Extended_Pictographic}|\uFE0F)*$/u);
  }
}

describe("what the person tells of their own days and pastimes", () => {
  it("meets a pastime taken up or kept up by its name and asks how it goes, never a low mood", async () => {
    await meets([
      ["I've been learning to paint lately", /\blearning to paint\b.*\b(?:going|into it|enjoy)\b/i],
      ["I'm learning Spanish", /\bSpanish\b/],
      ["I've been playing guitar again", /\bguitar\b.*\bback to it\?/i],
      ["I've been gardening a lot", /\bgardening\b/i],
      ["I've been doing a lot of hiking", /\b(?:Ooh, hiking|that — hiking)\b/],
      ["I've been baking a lot lately", /\bbaking\b/i],
      ["I joined a climbing gym", /\b(?:finding|sign up for) the climbing gym\b/i],
      ["I signed up for a choir", /\bchoir\b/i],
    ]);
    // A low mood or a worry is not a pastime.
    for (const say of ["I've been feeling really low lately", "I've been worrying about money"]) {
      const [, reply] = await askAgent(["hey", say]);
      expect(reply, say).not.toMatch(
        /\bI love that\b|\blovely thing to make time for\b|\bgot you into it\b/i,
      );
    }
  });

  it("asks after a book or a series: which one, or how far in", async () => {
    await meets([
      ["I'm reading a really good book right now", /\bWhat's it (?:about|called)\?/],
      ["I'm reading Dune", /\bDune\b.*\b(?:How far in|enjoying it)\b/],
      ["I've been watching Severance", /\bSeverance\b.*\b(?:How far in|hooked)\b/],
      ["I'm binge watching The Office", /\bThe Office\b/],
      ["I've been watching a new series", /\bWhat's it called\?/],
    ]);
  });

  it("meets a new pet, a new home, training and a small win as news", async () => {
    await meets([
      ["we got a new puppy", /\bpuppy\b.*\b(?:name|settling in)\b/i],
      ["we adopted a cat", /\bcat\b.*\b(?:name|settling in)\b/i],
      ["we rescued a dog", /\bdog\b.*\b(?:name|settling in)\b/i],
      ["we moved into a new flat", /\b(?:settling in|like most)\b/i],
      ["I'm training for a marathon", /\b(?:training for|big day for) a marathon\b/i],
      ["I finally fixed my bike", /\b(?:feel good|satisfying)\b.*\b(?:list|pull it off)\b/i],
      ["I got a raise today!", /\bCongratulations\b/i],
    ]);
  });

  it("keeps the replies that already fit: a new job, a move ahead, a visit, a bad day, a first try", async () => {
    await meets(
      [
        ["I just started a new job", /\bcelebrat\w+|\bjob\b/i],
        ["I'm moving to Leeds next month", /\bmov\w+|\bleaving\b/i],
        ["my friend is visiting this weekend", /\bfriend\b/i],
        ["I had a bad day at work", /\b(?:What happened|talk about it)\b/i],
        ["I started knitting last month", /\bknitting\b/i],
        ["I cooked lasagna tonight", /\blasagna\b/i],
        ["I passed my driving test", /\b(?:celebrat\w+|everything)\b/i],
        ["I got a promotion", /\b(?:you|wonderful|congratulations)\b/i],
      ],
      false,
    );
  });

  it("meets a pastime being learned in French, German, Spanish, Portuguese and Italian, and asks what started it", async () => {
    const cases: [string, string, RegExp][] = [
      ["salut", "j'apprends à peindre en ce moment", /\bcommence\b.*\benvie \?$/],
      ["hallo", "ich lerne gerade malen", /\bfängt\b.*\bgekommen\?$/],
      ["hola", "estoy aprendiendo a pintar", /\bempieza\b.*¿Qué te animó a empezar\?$/],
      ["olá", "estou a aprender a pintar", /\bcomeça\b.*\bcomeçar\?$/],
      ["ciao", "sto imparando a dipingere", /\bcominciano\b.*\bvoglia\?$/],
    ];
    for (const [hello, say, fits] of cases) {
      const [, reply] = await askAgent([hello, say]);
      expect(reply, say).toMatch(fits);
    }
  });
});
