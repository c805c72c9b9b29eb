/** Phrases read out of what the person wrote, turned toward them as the agent says them back. */

const stopwords = new Set(
  "weekend tonight morning evening night yesterday week month year time day days lot bit way about after again also always another because been before being could doing every from have just know like maybe more much never only really should some something than that their them then there these they thing things think this today tomorrow very want were what when where which while with would your yours".split(
    " ",
  ),
);

/** What a "do you like X" or "what do you think of X" asks about. */
export function topicOf(text: string): string | null {
  const match =
    /\b(?:do you (?:like|love|enjoy|prefer)|are you into|think (?:of|about)|thoughts on|favou?rite)\s+([^?.!,]{2,40})/i.exec(
      text,
    );
  return match?.[1] ? towardPerson(match[1].trim()) : null;
}

const adjectives =
  /^(?:new|old|big|little|small|tiny|huge|long|short|good|bad|nice|great|lovely|cute|weird|strange|crazy|red|blue|green|black|white|online|local|fancy|cheap|quiet|busy|best|first|last|favou?rite|whole|\w+(?:ful|ous|ive|ish|al|ic|est|y))$/i;

/** The most telling "my/the/a … noun" phrase, turned toward the person; personal ones first. */
export function notablePhrase(text: string): string | null {
  const candidates: { phrase: string; rank: number }[] = [];
  for (const match of text.matchAll(/\b(my|our|the|a|an)\s+([\p{L}']+)(?:\s+([\p{L}']+))?/giu)) {
    const [, determiner, first, second] = match as unknown as [string, string, string, string | undefined];
    // "my mum's garden": a possessive is said with what it owns, never cut after the "'s".
    const possessive = /['’]s$/i.test(first);
    const joinSecond =
      second &&
      (possessive || adjectives.test(first) || /^\p{Lu}/u.test(first)) &&
      !stopwords.has(second.toLowerCase());
    if (possessive && !joinSecond) continue;
    const noun = joinSecond ? second : first;
    if (noun.length < 3 || stopwords.has(noun.toLowerCase()) || /(?:ing|ly|ed)$/i.test(noun)) continue;
    const personal = /^(?:my|our)$/i.test(determiner) ? 10 : 0;
    candidates.push({
      phrase: `${determiner.toLowerCase()} ${joinSecond ? `${first} ${second}` : first}`,
      rank: personal + noun.length,
    });
  }
  const best = candidates.sort((a, b) => b.rank - a.rank)[0];
  return best ? towardPerson(best.phrase) : null;
}

/** "my cat" → "your cat": the person's words as the agent says them back. */
export function towardPerson(text: string): string {
  const swaps: Record<string, string> = {
    my: "your",
    our: "your",
    me: "you",
    mine: "yours",
    myself: "yourself",
    i: "you",
    "i'm": "you're",
    am: "are",
    your: "my",
    you: "I",
  };
  return text.replace(
    /\b(?:i'm|my|our|me|mine|myself|i|am|your|you)\b/gi,
    (word) => swaps[word.toLowerCase()] ?? word,
  );
}

/** A message's sentences, each with its end mark: "Hi Mia! I'm Tom." → "Hi Mia!", "I'm Tom." */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim() !== "");
}
