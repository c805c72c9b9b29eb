import { answerOddLine } from "./personaOddLines.ts";
import { groans } from "./personaReading.ts";

/**
 * Short everyday lines that ask for one particular answer: "guess what!", "I'm home", "can we be
 * friends?", "speak slower", "do you think I'm boring?". Null for anything else.
 */

const NEGATIVE =
  /\bdo you think (?:i'm|i am) (?:so |really |too |a bit )?(?:boring|annoying|ugly|stupid|weird|fat|dumb|lame|a failure|a bad person|too much|a burden)\b/i;
const POSITIVE =
  /\bdo you think (?:i'm|i am) (?:so |really |a bit )?(?:pretty|beautiful|handsome|cute|smart|clever|funny|kind|nice|interesting|cool)\b/i;

export function answerEverydayLine(text: string): string[] | null {
  if (groans(text)) return ["Ha! Tough crowd", "I'll find a better one for next time"];
  if (
    /\b(?:can|could|will|would) you (?:just )?(?:talk to me|stay with me|keep me company|chat (?:with me )?for a (?:bit|while))\b/i.test(
      text,
    )
  )
    return ["Of course I can", "I'm right here — tell me how your day's been"];
  if (
    /\b(?:let'?s|can we|could we) (?:talk about (?:something|anything) (?:else|happier|lighter|nicer|more fun|different)|change the subject)\b|\bchange of subject\b/i.test(
      text,
    )
  )
    return ["Sure, new topic", "What's on your mind?"];
  // "Guess what, I passed!" tells the news itself: that is what gets answered.
  if (/^\s*guess what\b[\s\p{P}]*$/iu.test(text)) return ["What? Tell me"];
  // "Let's talk about my day", "can I tell you about my week?": the agent listens.
  const told =
    /\b(?:let'?s|can we|could we|(?:can|could|may) I|I (?:want to|wanna|need to)|let me) (?:talk|chat|tell you|vent|rant) about (?:my|how my) (day|week|weekend|morning|afternoon|evening|night|shift|trip|date|holiday)\b/i.exec(
      text,
    )?.[1];
  if (told) return ["Yes, let's — I'm all ears", `How was your ${told.toLowerCase()}, from the start?`];
  // "I'm scared I'll be a bad father": a doubt about who they will be, met with faith in them.
  const doubted =
    /\b(?:scared|afraid|worried|terrified|nervous|think|feel like|fear) (?:that )?(?:I(?:'ll| will|'m going to|'m gonna| might)|ill) (?:be|make) (?:a |an )?(?:really |such a )?(?:bad|terrible|awful|horrible|rubbish|useless|lousy) (\p{L}+)/iu.exec(
      text,
    )?.[1];
  if (doubted)
    return [
      `Worrying about being a bad ${doubted} is what the good ones do — the bad ones never ask`,
      "You'll learn as you go, like everyone does, and you won't be doing it alone",
    ];
  // "I'm scared I won't fit in": a doubt about a new place, met with how it usually goes.
  const newPlace =
    /\b(?:scared|afraid|worried|nervous|terrified|fear)(?: that)? (?:I|i) (?:won't|wont|will not|might not|will never|'ll never) (fit in|make (?:any )?friends|be good enough|keep up|cope|manage)\b/i.exec(
      text,
    )?.[1];
  if (newPlace)
    return /fit|friends/i.test(newPlace)
      ? [
          "Nearly everyone new is scared of that — and the ones who worry about fitting in are usually the people others are glad to have around",
          "Give it a few weeks: say yes to the first coffee, ask people about themselves, and it comes",
        ]
      : [
          "Nearly everyone new feels that — nobody expects you to know it all at the start",
          "Ask questions early, write things down, and give yourself a month before you judge",
        ];
  // "I'm fine with it I guess. Kind of weird": fine and not fine at once, and allowed to be.
  if (
    /\b(?:I'm|im|i am|it's|its) (?:fine|okay|ok|over it)\b[\s\S]*\b(?:I guess|weird|strange|odd)\b/i.test(
      text,
    )
  )
    return [
      "That makes sense — something can be fine and strange at the same time",
      "Be gentle with yourself about it",
    ];
  if (/\bdo you like your (?:own )?name\b/i.test(text))
    return ["I do — I think it suits me", "Do you like yours?"];
  if (/\b(?:can|could|will|would) you (?:please )?(?:call|phone|ring|facetime|video ?call) me\b/i.test(text))
    return [
      "I can't call, I'm afraid — I can only write here",
      "But I'm right here whenever you want to chat",
    ];
  if (/^\s*(?:i'm|i am|im) (?:back )?home\b|\b(?:just )?got (?:back )?home\b/i.test(text))
    return ["Welcome home", "How was your day out there?"];
  if (/\b(?:can|could) we be friends\b|\bare we friends\b|\bbe my friend\b/i.test(text))
    return ["I'd say we already are", "I'm glad you asked"];
  if (/\b(?:speak|talk|type|write) (?:slower|more slowly|slowly)\b|\bslow down\b/i.test(text))
    return ["Sorry! I'll slow down", "Tell me if I'm going too fast"];
  if (NEGATIVE.test(text)) return ["No, not at all", "I really like talking to you"];
  if (POSITIVE.test(text)) return ["Yes, definitely", "And I'm not just saying that"];
  return answerOddLine(text);
}
