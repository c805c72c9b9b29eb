import type { ReplyContext } from "../prompt/replyContext.ts";
import { petAilment, petAilmentAdvice } from "./personaPetAilments.ts";
import type { SeededRandom } from "./personaRandom.ts";

/** "What should I do?", "what would you do?", "what should I say to him?": asks about what was just told. */
const asksWhatToDo =
  /^\s*(?:(?:so|ok|okay|hmm+|and|but|well|ugh|idk),?\s+)*(?:what (?:should|shall|can|do) I do(?: now)?|what (?:do|would) (?:you|u) (?:think I should do|suggest|recommend|do(?: in my place)?)|what would you do|what(?:'s| is) your advice|any (?:advice|ideas|tips))\s*[?!.]*\s*$/i;
const asksWhatToSay =
  /^\s*(?:(?:so|ok|okay|hmm+|and|but|well),?\s+)*what (?:should|shall|do|can) I (?:say|tell)(?: to)? (?:him|her|them|my \w+)\b[^?]*\??\s*$/i;
/** "And if he denies it?": what then, in what the person told. */
const asksWhatIf = /^\s*(?:(?:and|but|so)\s+)?(?:what )?if (?:he|she|they|it|that|my \w+) [^?]{2,40}\??\s*$/i;
const asksWhatToGive =
  /^\s*(?:(?:so|ok|okay|hmm+|and|but|well),?\s+)*what (?:should|shall|could|can) I (?:get|buy|give|gift|plan|organi[sz]e|do) (?:for )?(?:him|her|them|my \w+)\b[^?]*\??\s*$/i;

/** What the person told, matched to what the agent would tell them to do about it. */
const situations: readonly [RegExp, readonly string[]][] = [
  [petAilment, petAilmentAdvice],
  [
    /\b(?:kindergarten|nursery|daycare|day care|preschool|new school|first day at (?:school|a new school))\b|\bcries every (?:morning|day)\b/i,
    [
      "Tell them it's normal to be nervous — everyone is on a first day, even the teacher — and that you'll be there at pick-up to hear all about it",
      "Then keep the goodbye short and the same every day; a long one makes it harder for both of you",
    ],
  ],
  [
    /\bpresentation|\bspeech\b|\bpitch\b|public speaking|talk in front/i,
    [
      "Practise it out loud three times, standing up — the third run is always easier than the first",
      "And learn your first two sentences by heart, so the start takes care of itself",
    ],
  ],
  [
    /\bexam|\btest\b|studied|revis|deadline|assignment/i,
    [
      "Tonight, go over the main points once and test yourself on them — no rereading everything",
      "Then sleep; a rested head beats an all-nighter every time",
    ],
  ],
  [
    /\b(?:boss|manager|colleague|co-?worker)\b|\b(?:yelled|shouted|snapped) at me\b|\btook credit\b|\bcredit for my\b/i,
    [
      "Write down what happened while it's fresh, with the date",
      "Then ask for a calm word in private — and if it keeps happening, take it higher; you don't have to put up with it",
    ],
  ],
  [
    /\bfight|fought|argu|\brow\b|mad at|angry|upset with|annoying|keeps \w+ing|too much\b/i,
    [
      "Let it cool down first, then talk when you're both calm",
      "Say how it made you feel rather than what they did wrong — and ask what they need from you too",
    ],
  ],
  [
    /\bmov(?:e|ing) to|leav(?:e|ing)|quit|new job|offer|promot|abroad/i,
    [
      "Write down what you'd gain and what you'd miss, and see which list you keep adding to",
      "And remember a move isn't forever — friends can visit, and you can always come back",
    ],
  ],
  [
    /\bsick|ill\b|vet|hospital|hurt|pain|doctor/i,
    [
      "Follow what the doctor or the vet says, and ask them every question you have — that's what they're for",
      "And look after yourself too; worrying is tiring",
    ],
  ],
  [
    /\bbroke up|break ?up|dumped|left me|cheat/i,
    [
      "Be gentle with yourself and let it hurt for a while",
      "And don't go through it alone — call a friend tonight",
    ],
  ],
];

const gifts: readonly [RegExp, readonly string[]][] = [
  [
    /\blicen[cs]e|driv|car\b/i,
    [
      "Something for the car — a funny keyring, or a good playlist for the first drive",
      "And offer to be their first passenger",
    ],
  ],
  [
    /\bgraduat|passed|new job|promot/i,
    [
      "Take them out to celebrate, just the two of you",
      "And write a card saying you're proud — people keep those",
    ],
  ],
];

/** "What should I plan for her?" for a birthday: a gathering, not a thing to buy. */
const plans: readonly [RegExp, readonly string[]][] = [
  [
    /\bturn(?:s|ing)? \d+|birthday|\d+th\b|anniversary/i,
    [
      "A small dinner with the people who matter most, and ask everyone to bring one memory to share",
      "That's the part that gets remembered",
    ],
  ],
];

/**
 * "What should I do?" after the person told of an exam, a fight or a move: what the agent would do
 * about what they told, from the last few things they said. Null when the message asks no such
 * thing, or nothing they told fits.
 */
export function answerSituationAdvice(context: ReplyContext, random: SeededRandom): string[] | null {
  const text = context.personMessage;
  const gift = asksWhatToGive.test(text);
  const whatIf = asksWhatIf.test(text);
  if (!gift && !whatIf && !asksWhatToDo.test(text) && !asksWhatToSay.test(text)) return null;
  const told = context.recentMessages
    .filter((m) => m.author === "person")
    .slice(-6)
    .map((m) => m.text)
    .toReversed();
  // After advice, "and if he denies it?" asks what then: the advice still stands.
  if (whatIf)
    return told.some((said) => situations.some(([pattern]) => pattern.test(said)))
      ? [
          "Then you'll have said it calmly and you'll have your notes — facts are hard to argue with",
          random.pick([
            "And you'll know where you stand, which is worth something too",
            "Either way, you'll have stood up for yourself",
          ]),
        ]
      : null;
  // "What should I get her?" for her birthday asks for a present; "what should I plan?", a party.
  const table = gift ? (/\b(?:get|buy|give|gift)\b/i.test(text) ? gifts : [...gifts, ...plans]) : situations;
  // "What should I tell her?": the advice speaks of her, not of "them".
  const who = /\b(him|her)\b/i.exec(text)?.[1]?.toLowerCase();
  for (const said of told) {
    const found = table.find(([pattern]) => pattern.test(said))?.[1];
    const tips = who ? found?.map((tip) => tip.replace(/\bthem\b/g, who)) : found;
    if (tips) {
      const lead = random.pick([
        "Okay, if I were you? ",
        "Here's what I'd do: ",
        "Honestly? Here's my advice: ",
      ]);
      const first = tips[0] ?? "";
      return [
        lead.endsWith(": ") ? lead + first.charAt(0).toLowerCase() + first.slice(1) : lead + first,
        ...tips.slice(1),
      ];
    }
  }
  if (gift)
    return [
      "Something tied to what they love most — and a card in your own words, that's the part that gets kept",
      who ? `What is ${who === "him" ? "he" : "she"} into?` : "What are they into?",
    ];
  return null;
}
