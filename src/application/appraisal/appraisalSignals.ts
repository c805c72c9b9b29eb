import type { MoodName } from "./appraisalTypes.ts";

export type SignalName =
  | "rudeness"
  | "dismissive"
  | "apology"
  | "affection"
  | "compliment"
  | "gratitude"
  | "vulnerability"
  | "personalSharing"
  | "goodNews"
  | "badNews"
  | "worry"
  | "humour"
  | "interestInAgent"
  | "longSilence";

export interface Signal {
  name: SignalName;
  /** Affinity points this signal is worth on its own. */
  affinity: number;
  /** The mood it pulls toward and how strongly (0..1). */
  mood: MoodName;
  strength: number;
  /** A noun phrase the person reads, about them and the agent: "a compliment", "your interest in their day". */
  reason: string;
}

interface Rule {
  test: RegExp;
  signal: Signal;
}

const rules: readonly Rule[] = [
  {
    test: /\b(?:stupid|idiot|dumb|useless|pathetic|shut up|hate you|you suck|boring|annoying|fuck (?:you|off)|piss off|loser|creepy|worthless)\b/i,
    signal: { name: "rudeness", affinity: -4, mood: "irritated", strength: 0.7, reason: "rudeness" },
  },
  {
    test: /\b(?:sorry|apologi[sz]e|my bad|didn't mean (?:it|that))\b/i,
    signal: { name: "apology", affinity: 1, mood: "calm", strength: 0.4, reason: "an apology" },
  },
  {
    test: /\b(?:i missed you|miss you|love you|love talking to you|you mean a lot|glad i have you|thinking (?:of|about) you)\b|<3|❤️|🥰|😘/i,
    signal: {
      name: "affection",
      affinity: 3,
      mood: "affectionate",
      strength: 0.65,
      reason: "affection",
    },
  },
  {
    test: /\byou(?:'re| are) (?:so |really |very |such an? )?(?:sweet|kind|funny|amazing|wonderful|beautiful|pretty|cute|lovely|the best|great|smart|clever|talented|interesting)\b|\b(?:i love|i like|great) (?:your|the way you)\b/i,
    signal: { name: "compliment", affinity: 2, mood: "joyful", strength: 0.5, reason: "a compliment" },
  },
  {
    test: /\b(?:thanks|thank you|thx|appreciate (?:it|you|that)|grateful)\b/i,
    signal: { name: "gratitude", affinity: 1, mood: "content", strength: 0.4, reason: "thanks" },
  },
  {
    test: /\b(?:never told anyone|between us|can i tell you something|secret|i'm scared|i feel so alone|struggling)\b/i,
    signal: {
      name: "vulnerability",
      affinity: 3,
      mood: "affectionate",
      strength: 0.5,
      reason: "something personal shared in trust",
    },
  },
  {
    test: /\b(?:got the job|promoted|passed(?! away)|good news|engaged|nailed it|so happy|i did it|finally finished)\b/i,
    signal: { name: "goodNews", affinity: 1, mood: "joyful", strength: 0.6, reason: "good news" },
  },
  {
    test: /\b(?:sad|terrible day|awful day|bad day|rough day|lonely|depressed|broke up|lost my|passed away|died|crying|exhausted)\b/i,
    signal: {
      name: "badNews",
      affinity: 1,
      mood: "melancholy",
      strength: 0.45,
      reason: "sad news",
    },
  },
  {
    test: /\b(?:worried|anxious|nervous|stressed|panicking|afraid|scared)\b/i,
    signal: { name: "worry", affinity: 1, mood: "anxious", strength: 0.35, reason: "a worry" },
  },
  {
    test: /\b(?:my (?:mom|mum|dad|sister|brother|family|partner|girlfriend|boyfriend|wife|husband|friend|dog|cat|job|childhood)|i grew up|when i was (?:a kid|little|young)|i feel|i've always)\b/i,
    signal: {
      name: "personalSharing",
      affinity: 1,
      mood: "curious",
      strength: 0.35,
      reason: "news of your life",
    },
  },
  {
    test: /\b(?:haha+|hehe+|lol|lmao|rofl)\b|😂|🤣|😄/i,
    signal: { name: "humour", affinity: 1, mood: "playful", strength: 0.45, reason: "a shared laugh" },
  },
  {
    test: /\b(?:how are you|how was your|what about you|and you\?|tell me about (?:you|your)|how's your)\b/i,
    signal: {
      name: "interestInAgent",
      affinity: 1,
      mood: "content",
      strength: 0.3,
      reason: "your interest in their day",
    },
  },
];

const dismissiveReply = /^\s*(?:k+|ok\.?|okay\.?|whatever\.?|meh|fine\.?|sure\.?|cool\.?)\s*$/i;

/** A week without a word: the agent notices. */
export const longSilenceMs = 7 * 24 * 60 * 60 * 1000;

/** Everything the person's side of the exchange signals, strongest mood pull first. */
export function readSignals(input: {
  personMessage: string;
  reply: string;
  now: string;
  previousMessageAt: string | null;
}): Signal[] {
  const signals = rules.filter((rule) => rule.test.test(input.personMessage)).map((rule) => rule.signal);
  if (dismissiveReply.test(input.personMessage) && input.reply.length > 80) {
    signals.push({
      name: "dismissive",
      affinity: -1,
      mood: "irritated",
      strength: 0.3,
      reason: "a brush-off",
    });
  }
  const gap = input.previousMessageAt ? Date.parse(input.now) - Date.parse(input.previousMessageAt) : 0;
  if (gap >= longSilenceMs) {
    signals.push({
      name: "longSilence",
      affinity: -1,
      mood: "melancholy",
      strength: 0.4,
      reason: `a return after ${Math.floor(gap / 86_400_000)} days of silence`,
    });
  }
  const rude = signals.some((s) => s.name === "rudeness");
  return signals
    .filter((s) => !rude || (s.name !== "compliment" && s.name !== "humour"))
    .sort((a, b) => b.strength - a.strength);
}
