import { adviceTopic } from "./personaAdvice.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";

/**
 * "I'm nervous about my first night shift tomorrow, any tips?": tips asked for something the person
 * is about to do — a shift, an exam, an interview, a trip, a first day, a race — get a few concrete,
 * caring tips fit for that kind of thing, naming it; never "look it up".
 */

/** "any tips?", "tips?", "any advice?": tips asked for without naming what on. */
const ASKS_TIPS =
  /\b(?:any|got any|some|give me|need|want) (?:tips|advice|pointers|suggestions)\b|(?:^|[,.!?]\s*)(?:tips|advice)\s*\?|\bwhat should I know\b|\bhow do I (?:survive|prepare|get ready)\b/i;

const DETERMINER = `(?:(?:my|our|a|an|the|this|that) )?`;
const LEAD = `(?:(?:first|big|new|next|final|long|early|late|real|proper|solo|first ever) ){0,2}`;

interface ComingUp {
  /** What the thing is called: "shift", "exam"… possibly with a word before it ("night shift"). */
  noun: string;
  tips: readonly string[];
}

const kinds: readonly ComingUp[] = [
  {
    noun: `(?:night |late |early |double )?shift`,
    tips: [
      "sleep in the afternoon before it, even just a couple of hours, in a properly dark room",
      "bring real food and eat a proper meal around the middle of the night, not just snacks and coffee",
      "keep the caffeine to the first half, so you can still sleep when you get home",
      "ask the people who've done it a hundred times where things are — they'll be glad you asked",
    ],
  },
  {
    noun: String.raw`(?:(?!(?:about|for|before|of|on|at|my|your|the|an?|have|got)\b)\p{L}+ )?(?:exams?|tests?|finals)`,
    tips: [
      "go over the main points once more tonight, then stop and sleep — a rested head beats one more hour",
      "eat something proper before and bring water",
      "read every question slowly, and start with the ones you're sure of",
      "if you blank, breathe out slowly and move on; it usually comes back",
    ],
  },
  {
    noun: `(?:job )?interview`,
    tips: [
      "have three short stories ready about things you did and how they went",
      "look up what they do and have one real question to ask them at the end",
      "get there ten minutes early and take a slow breath before you go in",
      "it's fine to pause and think before you answer — it reads as calm",
    ],
  },
  {
    noun: String.raw`(?:trip|holiday|vacation|flight|journey|travels?)(?: to [\p{Lu}][\p{L}]+)?`,
    tips: [
      "photograph your passport and bookings and keep copies somewhere offline",
      "pack a day early, then take one thing out",
      "keep the first day light — arrive, walk around, eat something local",
      "carry a little cash and a charged battery pack",
    ],
  },
  {
    noun: `day(?: (?:at|of) (?:my |the |a )?(?:new )?(?:job|work|school|uni|university|college|placement))?`,
    tips: [
      "lay out your clothes and pack your bag the night before",
      "get there a little early so you're not rushing",
      "write down names as you meet people — nobody expects you to remember them all",
      "ask questions; on a first day that's what everyone expects",
    ],
  },
  {
    noun: `(?:concerts?|gigs?|recitals?|performances?|auditions?|shows?)`,
    tips: [
      "warm up properly, then stop practising an hour before — it's in your hands by now",
      "while you wait to go on, breathe out slower and longer than you breathe in",
      "the audience wants you to do well; nobody out there is listening for mistakes",
      "if you slip, keep going — the music carries on and almost nobody notices",
    ],
  },
  {
    noun: String.raw`(?:(?:half |full )?marathon|race|\d+ ?k(?:m)?(?: run| race)?|triathlon)`,
    tips: [
      "build up slowly — add no more than about ten percent a week",
      "keep most runs easy enough that you could chat",
      "practise with the food, drink and shoes you'll use on the day",
      "take rest days seriously; that's when you get stronger",
    ],
  },
];

/** The tips for the thing coming up that the message asks them for; null when it asks none. */
export function answerComingUpTips(
  asked: string,
  random: SeededRandom,
  /** What the person said just before: "I always get nervous before concerts", then "any tips?". */
  before = "",
): string[] | null {
  // "Any tips for a job interview?" names its topic: advice on that topic answers it.
  if (!ASKS_TIPS.test(asked) || adviceTopic(asked)) return null;
  const bare = !kinds.some((kind) => new RegExp(String.raw`\b${LEAD}${kind.noun}\b`, "iu").test(asked));
  const text = bare && before ? `${before} ${asked}` : asked;
  for (const kind of kinds) {
    // "my first night shift", "an exam on friday", "first day at my new job", "training for a half marathon".
    const found = new RegExp(String.raw`\b${DETERMINER}${LEAD}${kind.noun}\b`, "iu").exec(text);
    if (!found) continue;
    // "my first day" only counts as a first day, not as any day.
    if (/^(?:(?:my|our|a|an|the|this|that) )?day\b/i.test(found[0]) && !/\bfirst\b/i.test(found[0])) continue;
    const thing = towardPerson(found[0]).replace(/^(?:a|an|the|this|that) /i, "your ");
    const named = /^your\b/i.test(thing) ? thing : `your ${thing}`;
    const nervous = /\b(?:nervous|scared|anxious|worried|terrified|dreading|freaking out)\b/i.test(text);
    const tips = [...kind.tips];
    const first = random.pick(tips);
    const second = random.pick(tips.filter((tip) => tip !== first));
    const third = random.pick(tips.filter((tip) => tip !== first && tip !== second));
    return [
      nervous
        ? // A bare "any tips?" gets its yes first.
          `${text === asked ? "" : "Of course. "}Being nervous before ${named} is normal — it means you care about doing it well`
        : random.pick([`Ooh, ${named}!`, `Okay, ${named} — let's get you ready`]),
      `A few things that help: ${first}`,
      `Also, ${second}`,
      `And ${third}`,
      random.pick([
        "You've got this — tell me how it goes?",
        "I'll be thinking of you — tell me how it goes?",
      ]),
    ];
  }
  return null;
}
