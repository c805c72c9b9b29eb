import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { storyAnswer } from "./personaBackstory.ts";
import { answerAboutFamily } from "./personaFamily.ts";
import { answerAboutHabit, doIt } from "./personaHabits.ts";
import { answerAboutHome } from "./personaHome.ts";
import { answerAboutLife } from "./personaLifeAnswers.ts";
import { answerAboutLooks } from "./personaLooks.ts";
import { loreAnswer } from "./personaLore.ts";
import { answerOwnAge } from "./personaOwnAge.ts";
import { answerAboutOwnInterest } from "./personaOwnInterests.ts";
import { answerAboutPastimeKind } from "./personaPastimeKinds.ts";
import { pastimeOf } from "./personaPastimes.ts";
import { answerPersonalDetail } from "./personaPersonalDetails.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { answerAskOfCraft, answerSelfStory } from "./personaSelfStories.ts";
import { currentActivity, isRetired, lifeEventRemark, todaysWork } from "./personaSmallTalk.ts";
import { answerAboutWorkDay } from "./personaWorkDay.ts";

/**
 * An answer about the agent's own life to a question the rules have no slot for ("what are you
 * studying?", "how was your shift?", "do you still play?"): what it is doing, its work, its
 * interests, told as a statement, never bounced back as "what's your take?".
 */
export function answerAboutSelf(text: string, context: ReplyContext, random: SeededRandom): string[] {
  const interest = context.agent.interests.length ? random.pick(context.agent.interests) : "long walks";
  const { occupation } = context.identity;
  const retired = isRetired(occupation);
  const aboutLife =
    answerAskOfCraft(text, context, random) ??
    answerAboutLooks(text, context) ??
    answerAboutHome(text, context) ??
    answerAboutFamily(text, context, random) ??
    answerAboutLife(text, context, random) ??
    answerPersonalDetail(text, context, random);
  if (aboutLife) return aboutLife;
  const habit = answerAboutPastimeKind(text, context, random) ?? answerAboutHabit(text, context, random);
  if (habit) return habit;
  const story = answerSelfStory(text, context, random);
  if (story) return story;
  const age = answerOwnAge(text, context, random);
  if (age) return age;
  if (/\babout (?:yourself|you)\b|\bdescribe yourself\b/i.test(text)) {
    const [first, second] = context.agent.interests;
    const name = context.agent.name.split(/\s+/)[0] ?? context.agent.name;
    return [
      `I'm ${name}, ${withIndefiniteArticle(occupation)} in ${context.identity.homeCity}`,
      first && second
        ? `When I'm not working, it's ${first} and ${second}`
        : `When I'm not working, it's ${interest}`,
    ];
  }
  if (asksPastimes.test(text)) return pastimesAnswer(context, random);
  const told = storyAnswer(text, context);
  if (told) return told;
  const workDay = answerAboutWorkDay(text, context, random);
  if (workDay) return workDay;
  if (
    !retired &&
    /\b(?:work(?:ing)?|shift|stud(?:y|ying)|job|kitchen|caf[eé]|class(?:es)?|pupils|students|patients|photograph\w*|paint\w*|draw\w*|cook\w*|bak\w*|writ\w*|cod\w*)\b/i.test(
      text,
    )
  )
    // "How was your shift last night?" asks about a shift that is over, whatever the hour now.
    return /\b(?:last night|yesterday)\b/i.test(text)
      ? [`Long — I was on my feet the whole time, mostly ${todaysWork(context)}`, "But we got through it"]
      : [`Right now it's mostly ${todaysWork(context)}`, "It keeps me on my toes"];
  if (/^\s*(?:(?:so|and|well|ok|okay|hey)[,!]?\s+)?how (?:was|is|are|did)\b/i.test(text))
    return [
      random.pick(["Pretty good, thanks for asking", "Not bad at all", "Good, honestly"]),
      lifeEventRemark(context) ?? currentActivity(context),
    ];
  // "Can you see the aurora?": what its lorebook says of its world answers before a shrug does.
  const known = loreAnswer(text, context.lore);
  if (known) return [known.replace(/[.!?]$/, "")];
  // "Do you think he'll be ok?", "do you think I'll pass?": a hope asked for, not a fact about the agent.
  if (
    /^\s*do you (?:really )?think (?:he|she|they|it|I|we|my \w+)(?:'ll| will|'s| is|'re| are| can| could)\b/i.test(
      text,
    )
  )
    return [
      random.pick(["I really hope so", "I think so, yes — I really do", "I hope so with all my heart"]),
      /\b(?:I|we)(?:'ll| will| can| could)\b/i.test(text)
        ? "You've got more in you than you think"
        : "And whatever happens, you don't have to carry it alone",
    ];
  const auxiliary = /^\s*(do|did|have|would|will|can|could) you\b/i.exec(text)?.[1]?.toLowerCase();
  // "Do you still play retro games?" about one of its own pastimes: yes, never "not much".
  const own = context.agent.interests.find((interest) =>
    interest
      .toLowerCase()
      .split(/\s+/)
      .every((word) => new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(text)),
  );
  if (own && auxiliary && /^(?:do|can|could)$/.test(auxiliary))
    return [doIt(own, random), "I could talk about it for hours"];
  // "Saw any cool birds?", "did you go diving today?", "do you surf in winter too?": one of its own interests, lived.
  const lived = answerAboutOwnInterest(text, context, random);
  if (lived) return lived;
  // "Do you play chess?" may hear what it does instead; "do you eat meat?" only the answer.
  if (auxiliary)
    return /^\s*(?:do|did|can|could|would) you (?:ever |often |still )?(?:play|do|practi[cs]e|go|collect|ride|make|build|paint|dance|train)\b/i.test(
      text,
    )
      ? [
          honestUnknown(auxiliary, random),
          `These days most of my free time is for ${pastimeOf(context.agent.interests, random)}`,
        ]
      : [honestUnknown(auxiliary, random)];
  if (/\b(?:see|saw|seen|read|watch\w*|listen\w*|learn\w*|find|found)\b/i.test(text))
    return [`Lately it's been a lot of ${interest}`, "I'll tell you the best bits"];
  return [currentActivity(context), `And I keep thinking about ${interest}, as always`];
}

/** A yes-or-no question about the agent's life that nothing it knows of itself answers: no made-up yes. */
function honestUnknown(auxiliary: string, random: SeededRandom): string {
  switch (auxiliary) {
    case "would":
      return random.pick(["Maybe one day, I'd have to think about it", "I'm not sure, honestly"]);
    case "will":
      return random.pick(["I'll have to see", "Maybe, we'll see"]);
    case "have":
    case "did":
      return random.pick(["Not that I can think of", "Not really, no"]);
    default:
      return random.pick(["Not really, to be honest", "Not much, honestly"]);
  }
}

/** "What do you do for fun?", "any hobbies?", "what do you do when you're stressed?": what the agent's free time goes to. */
export const asksPastimes =
  /\bon (?:sundays|saturdays|your days? off)\b|\bwhen (?:you|u)(?:'re| are) not (?:working|at work|\w+ing)\b|\bfor fun\b|\b(?:free|spare) time\b|\bhobb(?:y|ies)\b|\bto (?:relax|unwind|de-?stress)\b|\bweekends?\b|\bwhat do you do (?:when|whenever|if) you(?:'re| are| feel) (?:stressed|down|sad|low|tired|bored|anxious|overwhelmed)\b|\bwhat do you do after(?: work)?\s*\?/i;

export function pastimesAnswer(context: ReplyContext, random: SeededRandom): string[] {
  const [first, second] = context.agent.interests;
  return [
    first && second ? `Mostly ${first} and ${second}` : `Mostly ${first ?? "long walks"}`,
    random.pick(["It's my way to switch off", "That's where my free time goes"]),
  ];
}
