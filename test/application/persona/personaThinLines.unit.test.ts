import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";
import { type ChatLanguage, guessLanguage } from "./dialogues/replyLanguage.ts";

const dull =
  /^(?:Mm|Ha|Ah|Heh|Haha|Oh, okay)\.?$|Tell me more|Raconte-moi un peu plus|Erzähl mir mehr|Me cuentas más|Conta-me mais|Raccontami di più|Et ensuite|Und dann|Y luego|E depois|E poi/;

function expectCarriedOn(replies: readonly string[], says: readonly string[]): void {
  replies.forEach((reply, i) => {
    expect(reply, says[i]).not.toMatch(dull);
    expect(reply, says[i]).toMatch(/\?$/);
    if (i > 0) expect(reply, says[i]).not.toBe(replies[i - 1]);
    // Neither half of the reply is the same as in the turn before.
    const [meet] = reply.split(/(?<=[.?!]) /);
    if (i > 0) expect(replies[i - 1], says[i]).not.toContain(meet);
  });
}

describe("a line that says next to nothing", () => {
  it("is met in its kind and the talk carried on, never in the same words twice running", async () => {
    const says = ["nothing much", "same", "same here", "haha", "lol", "idk", "hmm", "hmm", "lol", "lol"];
    const replies = await askAgent(["hi", ...says]);
    expectCarriedOn(replies.slice(1), says);
    expect(replies[1]).toMatch(/quiet|news/i);
    expect(replies[4]).toMatch(/laugh|smile/i);
  });

  it("picks up the last thing the person told of their life", async () => {
    const replies = await askAgent(["hi", "I've been learning to paint lately", "nothing much"]);
    expect(replies[2]).toMatch(/you've been learning to paint lately — how's that going\?/);
  });

  it("is carried on in French, German, Spanish, Portuguese and Italian", async () => {
    const chats: [string[], ChatLanguage][] = [
      [["Salut !", "pas grand-chose", "pareil", "mdr", "je sais pas", "hmm"], "fr"],
      [["Hallo!", "nicht viel", "ich auch", "haha", "keine Ahnung", "hmm"], "de"],
      [["¡Hola!", "nada", "yo también", "jaja", "ni idea", "mmm"], "es"],
      [["Olá!", "nada de mais", "eu também", "kkkk", "não sei"], "pt"],
      [["Ciao!", "niente di che", "anch'io", "ahah", "boh", "mah"], "it"],
    ];
    for (const [says, language] of chats) {
      const replies = (await askAgent(says)).slice(1);
      expectCarriedOn(replies, says.slice(1));
      for (const reply of replies) {
        // Too few words may leave the guess open; never another language.
        expect([language, null], reply).toContain(guessLanguage(reply));
        expect(reply, reply).not.toMatch(/\b(?:the|you|what|your)\b/i);
      }
    }
  });
});
