import { assertNever } from "../../domain/shared/decider.ts";
import { addressName } from "../prompt/calledName.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { bodilyFollowUp, bodilyReaction } from "./personaBodilyStates.ts";
import { answerEverydayLine } from "./personaEverydayLines.ts";
import {
  askingAfter,
  birthdayToday,
  fearOf,
  insultToAgent,
  mistreated,
  sympathyFor,
  upcomingWorry,
  wantsQuiet,
} from "./personaFeelings.ts";
import type { Recollection } from "./personaMemory.ts";
import type { MoodVoice } from "./personaMoods.ts";
import type { SeededRandom } from "./personaRandom.ts";
import type { MessageReading } from "./personaReading.ts";
import { alreadySaid } from "./personaReplyParts.ts";

/** "I feel better now": relief after a bad stretch, not news to celebrate. */
const feelsBetter = /\bfeel(?:ing)? (?:so |much |a lot |a bit |a little )?better\b/i;

const PET =
  /\b(?:dog|doggy|puppy|pup|cat|kitty|kitten|pet|hamster|rabbit|bunny|horse|pony|parrot|bird|budgie|guinea pig|ferret|tortoise|turtle|fish)s?\b/i;

/** What the person says of their own weather, if anything: good weather is good news. */
function weatherNews(text: string): "good" | "bad" | null {
  if (
    !/\b(?:weather|sun(?:ny|shine)?|rain(?:ing|y|ed)?|snow(?:ing|ed|y)?|storm(?:s|y|ing)?|freezing|drizzl\w*|fog(?:gy)?|heatwave)\b/i.test(
      text,
    )
  )
    return null;
  if (
    /\b(?:rain|raining|rainy|rained|snow\w*|storm\w*|freezing|pouring|drizzl\w*|fog\w*|grey|gray|awful|terrible|horrible|miserable|cold|windy|bad)\b/i.test(
      text,
    )
  )
    return "bad";
  if (
    /\b(?:nice|lovely|sunny|sunshine|beautiful|gorgeous|warm|perfect|great|amazing|good|clear)\b/i.test(text)
  )
    return "good";
  return null;
}

/** After the reaction: care for bad news, curiosity for good news, interest in what they mention. */
export function followUpFor(
  context: ReplyContext,
  reading: MessageReading,
  random: SeededRandom,
): string | null {
  if (reading.farewell)
    return context.affinity >= 30
      ? random.pick(["Sweet dreams", "I'll be here tomorrow", "Thanks for today"])
      : null;
  if (reading.loss) {
    const death = /\b(?:died|passed|funeral|put (?:him|her|them|(?:my|our) \w+) (?:down|to sleep))\b/i;
    if (!death.test(context.personMessage))
      return random.pick(["How are you holding up?", "I'm here, whatever you need"]);
    // Nobody needs asking whether they were close to their own pet.
    return random.pick(
      PET.test(context.personMessage)
        ? ["How are you holding up?", "How long did you have them?", "I'm here, whatever you need"]
        : ["How are you holding up?", "Were you close?", "I'm here, whatever you need"],
    );
  }
  if (reading.bodily) return bodilyFollowUp(reading.bodily, random);
  // Rain all week is a pity, not news to ask "what happened?" about.
  const weather = reading.question ? null : weatherNews(context.personMessage);
  if (weather === "good")
    return random.pick(["Enjoy it while it lasts", "Lucky you — enjoy it", "Glad it's lovely where you are"]);
  if (weather === "bad") return random.pick(["Stay dry and cosy", "Stay warm, okay?"]);
  if (wantsQuiet.test(context.personMessage)) return "I'm here whenever you want to talk";
  if (insultToAgent.test(context.personMessage))
    return random.pick(["What did I do?", "Did I say something wrong?"]);
  const feared = reading.feeling === "bad" ? fearOf(context.personMessage) : null;
  if (feared) return random.pick(["Has it always been that way?", "Do you know where it comes from?"]);
  if (reading.feeling === "bad" && mistreated.test(context.personMessage))
    return random.pick(["Are you alright?", "Do you want to talk about it?"]);
  if (reading.feeling === "bad" && upcomingWorry.test(context.personMessage))
    return random.pick([
      "You've got this",
      "You'll do great, I know it",
      "Is there anything you still want to prepare?",
    ]);
  if (reading.feeling === "bad") return random.pick(askingAfter(context.personMessage));
  if (reading.feeling === "good")
    return feelsBetter.test(context.personMessage)
      ? "What helped?"
      : random.pick(["Tell me everything!", "How are you celebrating?"]);
  if (reading.question || reading.kind !== "small-talk") return null;
  if (reading.mishap)
    // "My bus was late": a bus that came late needs no asking after, unlike a cat or a car.
    return reading.phrase?.startsWith("your ") &&
      !/\b(?:bus|train|tram|flight|plane|metro|subway|tube|taxi|uber|ferry|delivery|parcel|package)$/i.test(
        reading.phrase,
      )
      ? `Is ${reading.phrase} okay?`
      : random.pick(["What happened?", "Was the rest of the day any better?"]);
  if (!reading.phrase) return null;
  return random.pick([
    `Wait, ${reading.phrase}? Tell me more`,
    `I want to hear more about ${reading.phrase}`,
  ]);
}

export function reaction(
  context: ReplyContext,
  reading: MessageReading,
  voice: MoodVoice,
  random: SeededRandom,
): string | null {
  const name = addressName(context);
  if (reading.farewell)
    return /\b(?:night|bed|sleep|gn|gnight|nite)\b/i.test(context.personMessage)
      ? random.pick([`Good night, ${name}, sleep well`, `Night, ${name}, sleep well`])
      : random.pick([`Good night, ${name}, sleep well`, "Talk soon, okay?", `Take care, ${name}`]);
  if (reading.loss)
    return random.pick([
      `Oh, ${name}. I'm so sorry`,
      "I'm so sorry",
      reading.phrase ? `I'm so sorry about ${reading.phrase}` : `I'm so sorry, ${name}`,
    ]);
  if (reading.bodily) return bodilyReaction(reading.bodily, name, random);
  const weather = reading.question ? null : weatherNews(context.personMessage);
  if (weather === "bad") return random.pick(["Ugh, that's grim", "Oh no", "Ugh, poor you"]);
  if (weather === "good") return random.pick(["Oh, nice", "Ooh"]);
  if (wantsQuiet.test(context.personMessage)) return random.pick(["That's okay", "No pressure at all"]);
  if (insultToAgent.test(context.personMessage)) return random.pick(["Ouch", "Ouch, sorry"]);
  const feared = reading.feeling === "bad" ? fearOf(context.personMessage) : null;
  if (feared) return random.pick([`Oh, ${feared}? You're not alone there`, `Ugh, ${feared}, I get it`]);
  if (reading.feeling === "bad" && mistreated.test(context.personMessage))
    return random.pick(["That's not okay", "Ugh, that's awful", `Oh, ${name}, you didn't deserve that`]);
  if (reading.feeling === "bad" && upcomingWorry.test(context.personMessage))
    return random.pick([
      "Oh, that's hard — nerves are the worst",
      "I'm sorry, nerves like that are hard",
      "I'm here, and I think you'll do great",
    ]);
  // Two low moments in a row are not met with the same words.
  if (reading.feeling === "bad")
    return random.pick(sympathyFor(context.personMessage, name, (line) => !alreadySaid(line, context)));
  if (birthdayToday.test(context.personMessage) && !reading.question)
    return random.pick([`Happy birthday, ${name}`, `Oh, happy birthday, ${name}`]);
  if (reading.feeling === "good" && feelsBetter.test(context.personMessage))
    return random.pick(["I'm so glad you're feeling better", "Oh good, I'm glad you feel better"]);
  if (reading.feeling === "good")
    return random.pick(["That's wonderful news", `Look at you, ${name}`, "Oh, I love that for you"]);
  if (reading.compliment)
    return context.affinity >= 30
      ? random.pick(["Stop it, you're making me blush", "That's the sweetest thing I've heard today"])
      : "That's really kind of you";
  if (reading.thanks) return random.pick(["Anytime", "Of course", "Always happy to"]);
  if (reading.greeting) return greetingFor(context, random);
  if (reading.question && !reading.tellsToo) return null;
  if (reading.mishap)
    return random.pick(["Ugh, that's annoying", "Oh no, not again", "That's so frustrating"]);
  if (reading.laughs) return random.pick(voice.laughs);
  // A mood's opener colours a plain remark; health news or a request gets none.
  if (reading.kind !== "small-talk" || reading.health || reading.short) return null;
  if (answerEverydayLine(context.personMessage)) return null;
  return random.chance(0.6) ? random.pick(voice.openers) : null;
}

/** Greets by the person's own clock: "you're up late" only when it is late where they are. */
function greetingFor(context: ReplyContext, random: SeededRandom): string {
  const name = addressName(context);
  const theirs = context.personLocalTime;
  const part = theirs?.partOfDay ?? context.localTime.partOfDay;
  switch (part) {
    case "early morning":
    case "morning":
      return random.pick([`Good morning, ${name}`, `Morning, ${name}`]);
    case "afternoon":
      return random.pick([`Hey ${name}`, `Hi ${name}`]);
    case "evening":
      return random.pick([`Good evening, ${name}`, `Hey ${name}`]);
    case "night":
    case "late night":
      if (theirs && (theirs.hour >= 23 || theirs.hour < 5))
        return random.pick(["Hey, night owl", `Hi ${name}, you're up late`]);
      return random.pick([`Hey ${name}`, `Hi ${name}`, `Good evening, ${name}`]);
    default:
      return assertNever(part);
  }
}

export function mentionMemory(recollection: Recollection, random: SeededRandom): string {
  if (recollection.name && recollection.relation)
    return random.pick([
      `${recollection.name}, right? I remember you telling me about your ${recollection.relation}`,
      `Is this about ${recollection.name}, your ${recollection.relation}?`,
    ]);
  return random.pick([
    `You told me ${recollection.spoken} — I haven't forgotten`,
    `I remember ${recollection.spoken}`,
  ]);
}
