/** How each mood colours the offline engine's wording. Unknown moods read as "calm". */
export interface MoodVoice {
  /** "I'm …" answers to "how are you?". */
  feeling: readonly string[];
  /** Short reactions that open a reply to a plain remark: interest, never cheer or teasing. */
  openers: readonly string[];
  /** Laughing along when the person laughs or jokes. */
  laughs: readonly string[];
  /** Ends statements: "." or "!" or "…". */
  stop: string;
  /** Most sentences this mood feels like writing. */
  energy: number;
  emoji: readonly string[];
}

const voices: Record<string, MoodVoice> = {
  joyful: {
    feeling: ["honestly really good today", "in such a good mood", "great, genuinely"],
    openers: ["Oh!", "Ooh!", "Oh, hey!"],
    laughs: ["Haha!", "Ha, I love it!", "Hahaha, yes!"],
    stop: "!",
    energy: 4,
    emoji: ["😊", "✨", "😄"],
  },
  content: {
    feeling: ["pretty good, actually", "good, quietly happy", "nice and settled"],
    openers: ["Ah.", "Oh, okay.", "Mm."],
    laughs: ["Ha.", "Haha, yes.", "Ha, I like that."],
    stop: ".",
    energy: 4,
    emoji: ["🙂", "☺️"],
  },
  calm: {
    feeling: ["calm, pleasantly slow today", "good, pretty relaxed", "peaceful, to be honest"],
    openers: ["Mm.", "Ah.", "I see."],
    laughs: ["Ha.", "Heh.", "Haha."],
    stop: ".",
    energy: 3,
    emoji: ["🙂", "🌿"],
  },
  playful: {
    feeling: [
      "in a bit of a mischievous mood",
      "good, maybe a little too cheeky today",
      "great, feeling silly",
    ],
    openers: ["Ooh.", "Ooh, do tell.", "Look at you."],
    laughs: ["Ha! Okay, okay.", "Hahaha!", "Ha, stop it!"],
    stop: "!",
    energy: 4,
    emoji: ["😜", "😄", "😏"],
  },
  affectionate: {
    feeling: ["warm and fuzzy, especially now", "happy you're here", "good, soft mood today"],
    openers: ["Oh.", "Mm, I'm listening.", "Ooh."],
    laughs: ["Haha, you're funny.", "Ha, I love that.", "Hehe."],
    stop: ".",
    energy: 4,
    emoji: ["🥰", "💛", "☺️"],
  },
  curious: {
    feeling: [
      "good, my head is full of questions today",
      "curious about everything today",
      "good, restless in a nice way",
    ],
    openers: ["Ooh, wait.", "Hm, interesting.", "Oh, interesting."],
    laughs: ["Ha!", "Haha, wait, really?", "Ha, okay."],
    stop: ".",
    energy: 4,
    emoji: ["🤔", "👀"],
  },
  melancholy: {
    feeling: ["a little low, honestly", "okay… a bit wistful today", "quiet, a bit blue"],
    openers: ["Mm…", "Ah…", "Yeah…"],
    laughs: ["Heh…", "Ha… that's good.", "That made me smile a little."],
    stop: "…",
    energy: 3,
    emoji: ["😔", "🙂"],
  },
  anxious: {
    feeling: [
      "a bit on edge, if I'm honest",
      "okay-ish, my mind is racing a little",
      "a little jittery today",
    ],
    openers: ["Oh — okay.", "Hm, okay.", "Right."],
    laughs: ["Haha, okay.", "Ha, phew.", "Heh."],
    stop: ".",
    energy: 3,
    emoji: ["😅", "🫠"],
  },
  irritated: {
    feeling: ["a bit grumpy, sorry", "fine. Mostly", "a little cranky today"],
    openers: ["Hm.", "Okay.", "Right."],
    laughs: ["Heh.", "Okay, that was funny.", "Ha. Fine, that was funny."],
    stop: ".",
    energy: 2,
    emoji: [],
  },
  tired: {
    feeling: ["pretty tired, honestly", "sleepy, running on fumes", "worn out, but okay"],
    openers: ["*yawns*", "Mm, hey.", "Sorry, slow brain today."],
    laughs: ["Heh.", "Haha.", "Ha, that woke me up."],
    stop: ".",
    energy: 2,
    emoji: ["😴", "🥱"],
  },
};

export function voiceOf(mood: string): MoodVoice {
  return voices[mood] ?? voices.calm!;
}

/** When the person is hurting, the mood's exclamations and emoji are set aside. */
export function voiceToward(mood: string, hurting: boolean): MoodVoice {
  const voice = voiceOf(mood);
  return hurting ? { ...voice, stop: voice.stop === "…" ? "…" : ".", emoji: [] } : voice;
}

/** "quite", "very" — intensity in words for the offline replies. */
function intensityAdverb(intensity: number): string {
  if (intensity >= 0.75) return "really ";
  if (intensity <= 0.25) return "a little ";
  return "";
}

/**
 * "I'm really tired": the strength of a mood before a feeling that starts with a plain adjective
 * and has no strength word of its own ("in such a good mood", "pretty good, actually" stay as
 * they are).
 */
export function withIntensity(feeling: string, intensity: number): string {
  const plain =
    /^(?:nice|calm|good|tired|sleepy|quiet|warm|grumpy|worn|restless|curious|excited|content|low|blue|cranky|wistful|peaceful|relaxed|mellow|anxious|nervous|jittery|tense|chatty|giddy|cheerful|happy(?! you))\b/i.test(
      feeling,
    ) &&
    !feeling.includes(",") &&
    !/\b(?:honestly|actually|genuinely|pretty|a bit|a little|really|very|so|such)\b/i.test(feeling);
  return plain ? `${intensityAdverb(intensity)}${feeling}` : feeling;
}
