import type { ReplyContext } from "../prompt/replyContext.ts";
import type { MoodVoice } from "./personaMoods.ts";
import type { SeededRandom } from "./personaRandom.ts";

/** Reads the persona's speaking style for the few habits the offline engine can imitate. */
export function styleHabits(speakingStyle: string) {
  const style = speakingStyle.toLowerCase();
  return {
    lowercase: /lower ?case|no capitals/.test(style),
    emoji: /\bno emoji|without emoji|never uses? emoji/.test(style)
      ? ("never" as const)
      : /emoji/.test(style)
        ? ("often" as const)
        : ("sometimes" as const),
    terse: /\b(?:terse|short|brief|few words|laconic)\b/.test(style),
  };
}

export function applySpeakingStyle(
  sentences: readonly string[],
  context: ReplyContext,
  voice: MoodVoice,
  random: SeededRandom,
): string {
  const habits = styleHabits(context.agent.speakingStyle);
  const kept = habits.terse && sentences.length > 2 ? sentences.slice(0, sentences.length - 1) : sentences;
  let text = kept.join(" ");
  const wantsEmoji =
    habits.emoji === "often" ||
    (habits.emoji === "sometimes" && context.affinity >= 0 && random.chance(0.35));
  if (wantsEmoji && voice.emoji.length) text = `${text} ${random.pick(voice.emoji)}`;
  if (habits.lowercase) text = text.toLowerCase();
  return text;
}
