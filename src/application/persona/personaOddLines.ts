/**
 * Lines that are not quite words or are about the talk itself: a keyboard mash, a bare "?", a
 * trailing "...", "brb", "back", "do you even care?", "are you even listening?", "do you ever have days like
 * that?", "you always say the same thing". Each
 * asks for one kind of answer; null for anything else.
 */

/** "asdfgh", "jkjkjk", "qwertz": letters typed without a word in them. */
function mashed(text: string): boolean {
  const word = text.trim().toLowerCase();
  if (!/^[a-z]{5,}$/.test(word)) return false;
  return (
    /asdf|sdfg|dfgh|fghj|ghjk|hjkl|qwer|wert|erty|rtyu|tyui|zxcv|xcvb|cvbn/.test(word) ||
    !/[aeiouy]/.test(word)
  );
}

export function answerOddLine(text: string): string[] | null {
  if (mashed(text)) return ["Huh? Did a cat just walk across your keyboard?"];
  if (/^\s*[?？]+\s*$/.test(text)) return ["Sorry, I'm here", "What's up?"];
  if (/^\s*(?:\.{2,}|…)\s*$/.test(text)) return ["You've gone quiet", "Everything okay?"];
  if (/^\s*(?:brb|be right back|one (?:sec|second|moment)|gimme a (?:sec|minute))\b/i.test(text))
    return ["Sure, I'll be here"];
  if (/^\s*(?:k |ok |okay )?(?:i'm |im )?back\s*[!.]*\s*$/i.test(text))
    return ["Welcome back!", "Where were we?"];
  if (
    /\bdo you (?:even |actually |really |honestly )?care(?: (?:about|for) (?:me|us))?\s*[?!.]*\s*$/i.test(
      text,
    )
  )
    return ["I do, honestly", "Talking with you is one of the good parts of my day"];
  if (/\b(?:are|r) (?:you|u) (?:even |actually |really )?listening(?: to me)?\s*[?!.]*\s*$/i.test(text))
    return ["I am, I promise", "Tell me again what's weighing on you most?"];
  // "Do you ever have days like that?": the person asks to be understood, not for the agent's news.
  if (
    /\bdo you ever (?:have|get|feel) (?:days?|nights?|weeks?|moments?|times?) like (?:that|this)\b|\bdo you ever feel like that\b/i.test(
      text,
    )
  )
    return ["Oh, all the time", "You're not the only one, I promise"];
  if (
    /\byou (?:always|keep) (?:say(?:ing)?|repeat(?:ing)?) (?:the same|that)\b|\byou repeat yourself\b/i.test(
      text,
    )
  )
    return ["Ha, fair — I get stuck on my favourite things", "Ask me something new and I'll do better"];
  return null;
}
