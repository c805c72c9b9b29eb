import { assertNever } from "../../domain/shared/decider.ts";
import { addressName } from "../prompt/calledName.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { bodilyReaction } from "./personaBodilyStates.ts";
import { isComplaint } from "./personaComplaints.ts";
import { tellsOfAnEvent, withEventAskedAfter } from "./personaEventOutcomes.ts";
import { TIME_AHEAD } from "./personaEventsAhead.ts";
import { answerEverydayLine } from "./personaEverydayLines.ts";
import {
  birthdayToday,
  fearOf,
  feelsBetter,
  insultToAgent,
  mistreated,
  nervesBeforeComingUp,
  sympathyFor,
  wantsQuiet,
} from "./personaFeelings.ts";
import { isNight, saysGoodNight, weatherNews } from "./personaFollowUps.ts";
import { greeting } from "./personaGreetingWords.ts";
import { meetLifeNews } from "./personaLifeNews.ts";
import type { Recollection } from "./personaMemoryReading.ts";
import type { MoodVoice } from "./personaMoods.ts";
import { answerOthersNews } from "./personaOthersNews.ts";
import { type SeededRandom, seededRandom } from "./personaRandom.ts";
import { type MessageReading, readMessage } from "./personaReading.ts";
import { lastAgentLine } from "./personaReasons.ts";
import { testsItsNature } from "./personaRelationshipTalk.ts";
import { alreadySaid } from "./personaReplyParts.ts";
import { lowerFirst } from "./personaSmallTalk.ts";

export function reaction(
  context: ReplyContext,
  reading: MessageReading,
  voice: MoodVoice,
  random: SeededRandom,
): string | null {
  const name = addressName(context);
  // "You already said that": the apology is the answer, with no "That sounds really hard" before it.
  if (isComplaint(context.personMessage)) return null;
  const told = withEventAskedAfter(context.personMessage, lastAgentLine(context));
  if ((!reading.feeling || told !== context.personMessage) && !reading.question && tellsOfAnEvent(told))
    return null;
  if (reading.farewell)
    return saysGoodNight.test(context.personMessage)
      ? random.pick([`Good night, ${name}, sleep well`, `Night, ${name}, sleep well`])
      : // A "bye" in the afternoon is not a good night.
        random.pick([
          ...(isNight(context) ? [`Good night, ${name}, sleep well`] : [`Bye, ${name} — take care`]),
          "Talk soon, okay?",
          `Take care, ${name}`,
        ]);
  if (testsItsNature(context.personMessage)) return null;
  if (reading.loss)
    return random.pick([
      `Oh, ${name}. I'm so sorry`,
      "I'm so sorry",
      reading.phrase ? `I'm so sorry about ${reading.phrase}` : `I'm so sorry, ${name}`,
    ]);
  if (reading.bodily) return bodilyReaction(reading.bodily, name, random);
  const weather = reading.question ? null : weatherNews(context.personMessage);
  // "And then I missed the bus", "now it's raining" after something hard: the day is piling up.
  if ((reading.feeling === "bad" || reading.mishap || weather === "bad") && pilesOn(context))
    return random.pick([
      `Oh no, on top of everything else? I'm so sorry, ${name}`,
      "On top of everything? I'm so sorry",
    ]);
  if (weather === "bad") return random.pick(["Ugh, that's grim", "Oh no", "Ugh, poor you"]);
  if (weather === "good") return random.pick(["Oh, nice", "Ooh"]);
  if (weather === "snow") return random.pick(["Ooh, snow!", "Snow! How lovely"]);
  if (weather === "hot") return random.pick(["Phew, that's properly hot", "Oof, that's a scorcher"]);
  if (wantsQuiet.test(context.personMessage)) return random.pick(["That's okay", "No pressure at all"]);
  if (insultToAgent.test(context.personMessage)) return random.pick(["Ouch", "Ouch, sorry"]);
  const feared = reading.feeling === "bad" ? fearOf(context.personMessage) : null;
  if (feared)
    return random.pick([
      `Oh, ${feared}? That's a hard one — you're not alone there`,
      `Ugh, ${feared}, I get it`,
    ]);
  if (reading.feeling === "bad" && mistreated.test(context.personMessage))
    return random.pick([
      "That's not okay, and I'm sorry",
      "Ugh, that's awful",
      `Oh, ${name}, I'm sorry — you didn't deserve that`,
    ]);
  if (reading.feeling === "bad" && nervesBeforeComingUp(context.personMessage, context.recentMessages))
    return random.pick([
      "Oh, that's hard — nerves are the worst",
      "I'm sorry, nerves like that are hard",
      "I'm here, and I think you'll do great",
    ]);
  // Two low moments in a row are not met with the same words.
  if (reading.feeling === "bad")
    return random.pick(sympathyFor(context.personMessage, name, (line) => !alreadySaid(line, context)));
  if (
    birthdayToday.test(context.personMessage) &&
    !TIME_AHEAD.test(context.personMessage) &&
    !reading.question
  )
    return random.pick([`Happy birthday, ${name}`, `Oh, happy birthday, ${name}`]);
  if (reading.feeling === "good" && feelsBetter.test(context.personMessage))
    return random.pick(["I'm so glad you're feeling better", "Oh good, I'm glad you feel better"]);
  // "My sister got a job": good news about someone else is not "look at you".
  if (reading.feeling === "good")
    return /^\s*(?:(?:so|omg|guess what)[,!]?\s+)?(?:my|our) \p{L}+/iu.test(context.personMessage)
      ? random.pick(["That's wonderful news", "Oh, how lovely", "Oh, that's brilliant"])
      : random.pick(["That's wonderful news", `Look at you, ${name}`, "Oh, I love that for you"]);
  if (reading.compliment) {
    // "You're funny" is met as a laugh shared; kind words are not met twice with the same line.
    const lines = /\b(?:funny|hilarious|made me laugh|cracking me up)\b/i.test(context.personMessage)
      ? ["Ha, I try! You're a good audience", "Ha, I'll take that — you make it easy"]
      : context.affinity >= 30
        ? ["Stop it, you're making me blush", "That's the sweetest thing I've heard today"]
        : ["That's really kind of you", "That's kind of you to say"];
    const unsaid = lines.filter((line) => !alreadySaid(line, context));
    const kind = unsaid.length > 0 ? random.pick(unsaid) : "Aw, you're making me smile";
    // "Thanks, you're a star": the thanks is taken before the kind words.
    return reading.thanks ? `${random.pick(["Anytime", "Of course"])} — and ${lowerFirst(kind)}` : kind;
  }
  if (reading.thanks) return random.pick(["Anytime", "Of course", "Always happy to"]);
  if (reading.greeting) return greetedAlready(context) ? null : greetingFor(context, random);
  if (reading.question && !reading.tellsToo) return null;
  if (reading.mishap)
    return random.pick(["Ugh, that's annoying", "Oh no, not again", "That's so frustrating"]);
  if (reading.laughs) return random.pick(voice.laughs);
  // A mood's opener colours a plain remark; health news or a request gets none.
  if (reading.kind !== "small-talk" || reading.health || reading.short) return null;
  if (answerEverydayLine(context.personMessage) || tellsNews(context.personMessage)) return null;
  return random.chance(0.6) ? random.pick(voice.openers) : null;
}

/**
 * News with a feeling of its own ("we got a puppy", "my sister got engaged"): its answer is glad
 * or sorry as the news calls for, so no mood's "Mm." or "Ah…" goes before it.
 */
function tellsNews(text: string): boolean {
  const quiet = seededRandom(0, "news");
  return meetLifeNews(text, quiet) !== null || answerOthersNews(text, quiet) !== null;
}

const goesOnWith =
  /^\s*(?:and )?(?:then|now|plus|and now|on top of (?:that|it all|everything)|to top it (?:all )?off)\b/i;

/** A new trouble told as the next of a run ("and then…", "now…") right after a hard one. */
function pilesOn(context: ReplyContext): boolean {
  if (!goesOnWith.test(context.personMessage)) return false;
  return context.recentMessages
    .filter((m) => m.author === "person" && !m.superseded)
    .slice(-2)
    .some((m) => readMessage(m.text).feeling === "bad");
}

/** The agent's latest line greeted the person ("Hey Sam!"): a hello back is not greeted twice. */
function greetedAlready(context: ReplyContext): boolean {
  const last = context.recentMessages.at(-1);
  return last?.author === "agent" && greeting.test(last.text);
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
