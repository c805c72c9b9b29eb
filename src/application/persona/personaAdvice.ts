import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";

// "advice on public speaking", "any tips for sleeping better?", "how do I get over a breakup?"
const ADVICE_ON =
  /\b(?:advice|tips?|pointers|suggestions?|ideas|help)\s+(?:on|about|for|with|regarding)\s+([^?.!]{2,60})/i;
const HOW_DO_I = /\b(?:how (?:do|can|should|would) I|how to)\s+([^?.!]{2,60})/i;
const WHAT_ABOUT = /\bwhat (?:should|can|do) I do (?:about|with)\s+([^?.!]{2,60})/i;

/** "Fixing a flat bike tire", "installing Linux": a practical job done by following instructions. */
const handsOnTask =
  /^(?:fixing|repairing|installing|replacing|changing (?:a|the|my|your) (?!mind\b)|unclogging|assembling|wiring|patching|resetting|configuring|formatting|setting up|updating|programming|coding|debugging|soldering|plumbing|tiling|servicing|jump[- ]starting|unblocking|building (?:a|an) (?:shelf|website|app|pc|computer|deck|fence))/i;

/** What the person wants advice on, turned toward them ("my nerves" → "your nerves"), or null. */
export function adviceTopic(text: string): string | null {
  if (
    !/\b(?:advice|tips?|pointers|suggestions?|how (?:do|can|should|would) I|what should I do|how to)\b/i.test(
      text,
    )
  )
    return null;
  const on = ADVICE_ON.exec(text)?.[1]?.trim() ?? WHAT_ABOUT.exec(text)?.[1]?.trim();
  const how = on ? null : HOW_DO_I.exec(text)?.[1]?.trim();
  const topic = on ?? (how ? gerundPhrase(how) : null);
  return topic ? towardPerson(topic.replace(/^(?:how to|to)\s+/i, "")) : null;
}

/** "deal with a noisy neighbour" → "dealing with a noisy neighbour". */
function gerundPhrase(phrase: string): string {
  const [verb = "", ...rest] = phrase.replace(/^(?:how to|to)\s+/i, "").split(/\s+/);
  if (!/^[a-z]+$/i.test(verb) || /ing$/i.test(verb)) return phrase;
  const lower = verb.toLowerCase();
  const stem = /[^e]e$/.test(lower)
    ? lower.slice(0, -1)
    : // "unclog" → "unclogging": a prefix does not change the doubled ending.
      /^[^aeiou]*[aeiou][bdgmnpt]$/.test(lower.replace(/^(?:un|re)(?=[^aeiou]{2})/, ""))
      ? `${lower}${lower.at(-1)}`
      : lower;
  return [`${stem}ing`, ...rest].join(" ");
}

const themes: readonly [RegExp, readonly string[]][] = [
  [
    /\b(?:new school|kindergarten|nursery|daycare|day care|preschool|first day at school|school run)\b/i,
    [
      "keep the goodbye short and the same every day — a hug, one line, and go",
      "ask the teacher how long the tears last once you've gone; it's often only minutes",
      "give them one small thing from home to keep in a pocket",
      "at pick-up, ask about the best part of the day rather than whether it was okay",
    ],
  ],
  [
    /\bsettl\w* (?:in|down)\b|\bhomesick|\bnew (?:home|house|flat)\b/i,
    [
      "keep the goodbyes short and the same every time",
      "keep the days predictable for a few weeks — same times, same little routines",
      "give them one small thing that feels like home",
    ],
  ],
  [
    /\bsleep|insomnia|tired|rest\b/i,
    [
      "keep the same bedtime every night, even at weekends",
      "put the phone in another room an hour before bed, and keep the bedroom cool and dark",
      "if you can't drop off after twenty minutes, get up and read something dull until you're sleepy",
    ],
  ],
  [
    /\bspeak|speech|presentation|talk in front|public|stage fright|nerv/i,
    [
      "practise out loud, standing up, at least three times",
      "know your first two sentences by heart, so the start is automatic",
      "slow down and breathe out before you begin — the pause feels longer to you than to them",
    ],
  ],
  [
    /\bexam|stud|revis|test|learn/i,
    [
      "test yourself instead of rereading: flashcards and past papers",
      "work in short blocks with proper breaks",
      "sleep the night before beats cramming every time",
    ],
  ],
  [
    /\bcareer|promotion|profession|what to do with my life/i,
    [
      "notice which parts of your work make time fly, and look for more of those",
      "talk to people a few steps ahead of where you want to be — most are glad to help",
      "learn one new skill properly this year rather than five a little",
    ],
  ],
  [
    /\binterview|job hunt|cv|resume|job/i,
    [
      "prepare three stories about things you've done that you're proud of",
      "read up on them and bring two real questions of your own",
      "they already like you on paper — the interview is just a conversation",
    ],
  ],
  [
    /\bfirst date|\bdate\b|dating|crush|ask (?:him|her|them|someone) out/i,
    [
      "pick somewhere you can actually talk, and keep the first one short",
      "ask about the things they light up about, and listen for the follow-up question",
      "be on time and put the phone away — that already puts you ahead",
    ],
  ],
  [
    /\bmak\w* friends|new friends|friendships?|new (?:city|town|place)|lonel/i,
    [
      "join something that meets every week — a class, a club, a team — and keep turning up",
      "be the one who suggests the second coffee; most people are waiting to be asked",
      "say yes to invitations for a month, even the slightly dull ones",
    ],
  ],
  [
    /\bbreak ?up|ex\b|heart|relationship|partner/i,
    [
      "be gentle with yourself and let it hurt for a while",
      "lean on the people who love you, even when you'd rather hide",
      "keep one small routine going — a walk, a meal with someone — so the days have some shape",
    ],
  ],
  [
    /\bstress|anxi|worr|overwhelm|calm|panic/i,
    [
      "write everything down and pick just one thing to do next",
      "breathe slowly, longer out than in, for a couple of minutes",
      "get outside for a walk, even a short one",
    ],
  ],
  [
    /\bmoney|sav|budget|debt|spend/i,
    [
      "pay yourself first: move a little into savings the day you're paid",
      "write down every expense for a month and you'll see where it goes",
      "pick one goal so saving feels like it's for something",
    ],
  ],
  [
    /\bfit|run|gym|exercis|weight|health|eat/i,
    [
      "start smaller than feels worth it and do it consistently",
      "find something you actually enjoy, so you keep going",
      "rest days count as training too",
    ],
  ],
  [
    /\bmotivat|procrastinat|focus|productiv|lazy/i,
    [
      "start with five minutes — starting is the hard part",
      "make the first step tiny and obvious",
      "put the phone out of reach while you work",
    ],
  ],
  [
    /\bcook|recipe|bak/i,
    [
      "get a good knife and learn three dishes really well",
      "taste as you go and season a little at a time",
      "mise en place: everything chopped before the pan gets hot",
    ],
  ],
];

/** Advice on the topic asked about, in the agent's own words: two concrete tips that name it. */
export function adviceOn(topic: string, random: SeededRandom): string[] {
  const found = themes.find(([pattern]) => pattern.test(topic))?.[1];
  // "Helping him settle in": the tips speak of him.
  const who = /\b(him|her)\b/i.exec(topic)?.[1]?.toLowerCase();
  const tips = who ? found?.map((tip) => tip.replace(/\bthem\b/g, who)) : found;
  if (tips) {
    const first = random.pick(tips);
    const second = random.pick(tips.filter((tip) => tip !== first));
    return [`My advice on ${topic}? First, ${first}`, `And ${second}`];
  }
  // "Advice about my sister": no tip fits a person; what is going on with them comes first.
  if (
    /^your (?:\w+ )?(?:sister|brother|mum|mom|mother|dad|father|parents|friends?|partner|boyfriend|girlfriend|husband|wife|boss|colleagues?|flatmate|roommate|son|daughter|kids|family|ex)\b/i.test(
      topic,
    )
  )
    return [random.pick(["Of course", "Sure, I'm listening"]), `What's going on with ${topic}?`];
  // A repair or a setup wants instructions the agent does not have, not encouragement.
  if (handsOnTask.test(topic))
    return [
      `Honestly, I'm no expert at ${topic} — I'd only be guessing`,
      random.pick([
        "A good step-by-step video would show you better than I can",
        "Someone who does it for a living could walk you through it properly",
      ]),
    ];
  return [
    `My advice on ${topic}? Start small — one thing you can do this week, not a whole plan`,
    random.pick([
      "Ask someone who's been there what they wish they'd known",
      "And be patient with yourself; it gets easier the more you do it",
    ]),
  ];
}
