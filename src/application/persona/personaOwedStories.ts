import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { storyAnswer } from "./personaBackstory.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * The agent's own stories, told rather than promised: "the scariest storm you sailed through?"
 * gets the storm, and "you said you'd tell me about your grandfather" gets the grandfather. Each
 * is told in the past tense, so "were you scared?" or "and then?" can follow it.
 */

/** How a story of each kind goes: what happened, and how it ended. */
const TONES: readonly [RegExp, readonly [string, string]][] = [
  [
    /\b(?:scar|frighten|danger|hardest|toughest|wildest|close call)/i,
    [
      "I was sure for a few minutes that it wouldn't end well",
      "It turned out fine, but my hands shook for an hour afterwards",
    ],
  ],
  [
    /\b(?:funn|strang|weird|odd|sill|craz)/i,
    [
      "I was trying to keep a straight face, and nobody in the room could",
      "It still makes me smile when I think of it",
    ],
  ],
  [
    /\b(?:worst|embarrass|awkward)/i,
    [
      "I watched everything that could go wrong go wrong, one thing after another",
      "I laugh about it now — it took me a while",
    ],
  ],
  [
    /\bfirst\b/i,
    ["I was so nervous I barely remember the start", "But I remember exactly how it felt afterwards"],
  ],
];
const GOOD: readonly [string, string] = [
  "I went in expecting nothing much, and everything about it was just right",
  "I still measure every other one against it",
];
/** What came after each kind of story, told when asked "and then?": found by the story's own words. */
const AFTER: readonly [string, readonly string[]][] = [
  [
    TONES[0]![1][0],
    [
      "Afterwards we sat in silence for a while, then somebody laughed and we all did",
      "The next day I went straight back to work — it's the only way to get past a day like that",
    ],
  ],
  [
    TONES[1]![1][0],
    [
      "In the end I had to step outside for a minute just to stop laughing",
      "We still bring it up every time we're all together",
    ],
  ],
  [
    TONES[2]![1][0],
    [
      "Then I went home, slept twelve hours and started again the next morning",
      "Now it's the story I tell newcomers, so they feel better about their own bad days",
    ],
  ],
  [
    TONES[3]![1][0],
    ["By the evening someone clapped me on the back and said I'd do", "I went home and slept like a stone"],
  ],
  [
    GOOD[0],
    ["I went back the next week hoping for the same", "It was good, but never quite like that first time"],
  ],
  [
    "The end",
    [
      "And that's where it ends — happily ever after, more or less",
      "Want another? Give me something it should be about",
    ],
  ],
  [
    "don't rush the things that matter",
    ["Years later I said the same words to someone younger", "They rolled their eyes, just like I did"],
  ],
];

/** How a story the agent told goes on, when it is one of its own told stories; else null. */
export function whatCameNext(story: string): string[] | null {
  const after = AFTER.find(([said]) => story.includes(said))?.[1];
  return after ? [...after, "And that's the whole story, honestly — now I want one of yours"] : null;
}

const PERSON =
  /^my (?:\w+ )?(?:grand(?:father|mother|pa|ma|dad|mum)|father|mother|dad|mum|mom|uncle|aunt|brother|sister|teacher|boss|mentor|friend|family|parents)\b/i;

/** A story of its own life about `subject` ("the scariest storm", "my grandfather"): what happened, and how it ended. */
export function toldStory(subject: string, context: ReplyContext, random: SeededRandom): string[] {
  const when = random.pick(["One grey evening", "One summer afternoon", "One early morning"]);
  if (PERSON.test(subject))
    return [
      `${when}, when I was young, ${subject} took me aside and told me something I've never forgotten: don't rush the things that matter`,
      "I think of it more often than I'd admit",
    ];
  const [event, ending] = TONES.find(([tone]) => tone.test(subject))?.[1] ?? GOOD;
  return [`${when} in ${context.identity.homeCity}, years ago — ${event}`, ending];
}

const OWED = [
  /\byou (?:said|promised|told me)(?: (?:me|us))?(?: that)? (?:you(?:'d| would| were going to|'ll| will) )?(?:tell|share)(?: (?:me|us))?(?: (?:a|the|that|your) story)?(?: (?:about|of) ([^?.!]{2,40}))?/i,
  /\byou (?:promised|owe) (?:me|us) (?:a|the|that|one) story(?: (?:about|of) ([^?.!]{2,40}))?/i,
  /\b(?:tell me|what about) (?:that|the) story (?:you (?:promised|mentioned|said))/i,
];

/**
 * "You said you'd tell me about your grandfather", "you promised me a story": the story, told
 * now, about what was asked for or, when the message does not say, what the agent last said it
 * had a story about. Null when no story is claimed.
 */
export function answerOwedStory(context: ReplyContext, random: SeededRandom): string[] | null {
  const text = context.personMessage;
  const found = OWED.map((pattern) => pattern.exec(text)).find((match) => match !== null);
  if (!found) return null;
  const named = found.slice(1).find(Boolean)?.trim();
  const subject =
    named && !/^(?:that|it|this|one)$/i.test(named) ? ownWords(named) : (lastStorySubject(context) ?? null);
  const about =
    subject ??
    `my first year as ${withIndefiniteArticle(context.identity.occupation.replace(/^retired /i, ""))}`;
  const backstory = storyAnswer(`tell me about ${about}`, context)?.[0];
  return [
    `${random.pick(["Right — I did promise you", "You're right, I did promise you"])} ${subject ? `the one about ${subject}` : "a story"}`,
    ...(backstory ? [capitalize(backstory)] : []),
    ...toldStory(about, context, random),
  ];
}

/** "Your grandfather" said to the agent is "my grandfather" in its own mouth. */
function ownWords(subject: string): string {
  return subject.replace(/\b(?:your|ur)\b/gi, "my").replace(/\byou\b/gi, "me");
}

/** What the agent last said it had a story about ("The best ramen? … one stays with me"), or what it was asked to tell. */
function lastStorySubject(context: ReplyContext): string | null {
  for (const message of context.recentMessages.toReversed()) {
    if (message.author === "agent") {
      const promised = /^The ([\p{L} ]{3,40})\?/u.exec(message.text)?.[1];
      if (promised) return `the ${promised}`;
      continue;
    }
    const asked = /\babout (your|ur) ([\p{L} ]{3,30}?)\s*[?.!]*$/iu.exec(message.text)?.[2];
    if (asked) return `my ${asked}`;
  }
  return null;
}
