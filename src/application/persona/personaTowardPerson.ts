import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

const fondness = /\bdo you (?:still )?(like|love|care about|miss|adore) me\b|\bdid you miss me\b/i;
const grudge =
  /\bare you (?:still )?(?:mad|angry|upset|annoyed|cross|sad) (?:at|with) me\b|\bdo you hate me\b/i;

/**
 * "Do you love me?", "Are you mad at me?": answered from the agent's affinity toward the person,
 * never from its taste in things. Null for any other question.
 */
export function answerAboutUs(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const { affinity } = context;
  if (fondness.test(text)) {
    // "Did you miss me?" is answered in the past: "Of course I did".
    // The yes says what it answers ("Of course I like you"), even when a sleepy reply keeps no more.
    const did = /\bdid you miss me\b/i.test(text);
    const verb = fondness.exec(text)?.[1]?.toLowerCase() ?? "like";
    const yes = did ? "Of course I did, I missed you" : `Of course I ${verb} you`;
    if (affinity >= 40)
      return [
        random.pick([yes, `${yes}, silly`]),
        random.pick(["You're one of my favourite people to talk to", "You make my days better"]),
      ];
    if (affinity >= 0)
      return did
        ? ["I did, honestly", "It's good to hear from you again"]
        : [`I really do ${verb} you`, "I always look forward to your messages"];
    return did
      ? ["A little, maybe", "Ask me again in a while"]
      : ["I'm still making up my mind about you", "Ask me again in a while"];
  }
  const talk = aboutOurTalk(text, context, random);
  if (talk) return talk;
  if (grudge.test(text))
    return affinity >= 0
      ? ["No, not at all", random.pick(["Why, did something happen?", "We're good, I promise"])]
      : ["A little, honestly", "But I'd rather talk about it than stay mad"];
  return null;
}

/** Questions about the conversation itself: being heard, a secret, time to talk, remembering it. */
function aboutOurTalk(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  if (/\b(?:can|do) you (?:hear|understand|get) me\b|\bdo you (?:know|get|see) what I mean\b/i.test(text))
    return [random.pick(["I hear you", "I do, yes"]), "Go on, I'm listening"];
  if (/\bkeep (?:a|my) secrets?\b/i.test(text)) return ["Of course", "My lips are sealed"];
  if (/\b(?:want|wanna) (?:to )?(?:hear|know) (?:a secret|something)\b/i.test(text))
    return ["Always", "Tell me everything"];
  if (/\b(?:have|got) (?:a minute|time) (?:to|for)\b/i.test(text))
    return context.availability.replyMode === "normal"
      ? ["For you, always", "What's on your mind?"]
      : ["A little", "Tell me the short version?"];
  if (/\b(?:will|would) you remember (?:this|that|it)\b/i.test(text))
    return ["I will, I'll remember it", "I hold on to what you tell me"];
  // "Remind me what city I live in?" asks what was said; "remind me to call mum" asks for a reminder.
  if (/\bremind me\b(?!,?\s+(?:what|where|who|when|which|how|why)\b)/i.test(text))
    return ["I can't set reminders, sadly", "But tell me again next time and I'll ask how it went"];
  return null;
}
