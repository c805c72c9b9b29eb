import { assertNever } from "../../domain/shared/decider.ts";
import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import { addressName } from "../prompt/calledName.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import type { Answer } from "./personaAnswer.ts";
import { storyAnswer } from "./personaBackstory.ts";
import { favouriteAnswer, likesAnswer } from "./personaFavourites.ts";
import { answerGeneralQuestion, asksAboutWords, opinionOn } from "./personaGeneralQuestions.ts";
import { originAnswer } from "./personaLifeAnswers.ts";
import { namesOwnPet } from "./personaLifeDetails.ts";
import { everydayWordAnswer } from "./personaLocalWords.ts";
import { loreAnswer } from "./personaLore.ts";
import { verdictOnWhatItNamed } from "./personaMediaNow.ts";
import { answerAboutMemory } from "./personaMemoryAnswers.ts";
import type { Recollection } from "./personaMemoryReading.ts";
import { voiceOf, withIntensity } from "./personaMoods.ts";
import { answerAboutOwnInterest } from "./personaOwnInterests.ts";
import { pastimeOf } from "./personaPastimes.ts";
import { plansFor } from "./personaPlans.ts";
import type { SeededRandom } from "./personaRandom.ts";
import type { MessageReading, QuestionKind } from "./personaReading.ts";
import { answerAboutSelf, asksPastimes, pastimesAnswer } from "./personaSelfAnswers.ts";
import {
  currentActivity,
  lifeEventRemark,
  lowerFirst,
  weatherRemark,
  workRemark,
} from "./personaSmallTalk.ts";
import { answerStateAsked } from "./personaStatesAsked.ts";
import { answerAboutTime } from "./personaTimeAnswers.ts";
import { answerAboutUs } from "./personaTowardPerson.ts";
import { weekendPast } from "./personaWeekendPast.ts";
import { answerAboutWork } from "./personaWorkAnswers.ts";
import { answerAboutWorkDay } from "./personaWorkDay.ts";

/** The part of the reply that answers the person's question, in the agent's voice. */
export function answerQuestion(
  kind: QuestionKind,
  reading: MessageReading,
  context: ReplyContext,
  recollection: Recollection | null,
  random: SeededRandom,
): Answer {
  const say = (...sentences: string[]): Answer => ({ sentences, usedMemory: false });
  const { identity, localTime, agent } = context;
  const firstName = agent.name.split(/\s+/)[0] ?? agent.name;
  const interest = agent.interests.length ? random.pick(agent.interests) : "good food";
  const aboutUs = answerAboutUs(context.personMessage, context, random);
  if (aboutUs) return say(...aboutUs);
  switch (kind) {
    case "wellbeing": {
      const state = answerStateAsked(context.personMessage, context, random);
      if (state) return say(...state);
      const voice = voiceOf(context.mood.name);
      const feeling = `I'm ${withIntensity(random.pick(voice.feeling), context.mood.intensity)}`;
      const event = lifeEventRemark(context);
      return say(feeling, event ?? `${currentActivity(context)}`);
    }
    case "day":
      if (/\b(?:weekend|saturday|sunday)\b/i.test(context.personMessage)) return say(...weekendPast(context));
      if (/\b(?:yesterday|last night)\b/i.test(context.personMessage))
        return say(
          `Nothing special — ${localTime.weekday === "Monday" || localTime.weekday === "Sunday" ? "a lazy day" : "work"}, then some ${pastimeOf(agent.interests, random)} in the evening`,
          random.pick(["Quiet, but I liked it", "Just how I like it"]),
        );
      // "What did you do today?" asks what, not how: the day itself answers.
      if (/\bwhat (?:did|have) you (?:do|done|get up to|been up to)\b/i.test(context.personMessage))
        return say(
          lifeEventRemark(context) ?? workRemark(context),
          random.pick(["Nothing dramatic, but a good day", "Pretty full, honestly"]),
        );
      return say(
        random.pick(["Not bad at all", "Long, but good", "Pretty full, honestly"]),
        lifeEventRemark(context) ?? workRemark(context),
      );
    case "activity":
      return say(currentActivity(context));
    case "presence":
      return say(presenceLine(context, random));
    case "location":
      if (/\b(?:originally|from)\b/i.test(context.personMessage)) return say(...originAnswer(context));
      return say(
        `I'm in ${identity.homeCity} — ${context.weather.condition} and about ${context.weather.temperatureC}°C right now`,
      );
    case "time":
      return say(...answerAboutTime(context));
    case "weather":
      return say(weatherRemark(context, random), random.pick(["Typical", "Could be worse", "I'll take it"]));
    case "work":
      // "What do you do on Sundays?" asks about the days off, not the job.
      if (asksPastimes.test(context.personMessage) && !/\bwork(?:ing)?\b/i.test(context.personMessage))
        return say(...pastimesAnswer(context, random));
      return say(...answerAboutWork(context.personMessage, context, random));
    case "memory":
      return answerAboutMemory(context, recollection);
    case "identity":
      return agent.selfDescribesAsAI
        ? say("I am an AI companion, yes", `But our chats about ${interest} are very real to me`)
        : say(
            `Ha, I'm just me — ${firstName}, ${withIndefiniteArticle(identity.occupation)} in ${identity.homeCity}`,
            "What made you ask?",
          );
    case "name": {
      const surname = agent.name.split(/\s+/).slice(1).join(" ");
      if (/\b(?:last|family|full|sur)\s?name\b/i.test(context.personMessage))
        return surname
          ? say(`It's ${surname} — ${agent.name}`, "Nice to meet you properly")
          : say(`Just ${firstName}`, "Like a pop star");
      return say(`I'm ${firstName}`, `And you're ${addressName(context)} — I haven't forgotten`);
    }
    case "preference":
      if (asksPastimes.test(context.personMessage) && !/\bwork(?:ing)?\b/i.test(context.personMessage))
        return say(...pastimesAnswer(context, random));
      return say(
        ...(favouriteAnswer(context.personMessage, context, random) ??
          likesAnswer(reading.topic, context, random)),
      );
    case "opinion": {
      const topic = reading.topic ?? "that";
      if (/^(?:I|you)$/i.test(topic))
        return context.affinity >= 0
          ? say("Honestly? I think you're lovely", "I always look forward to your messages")
          : say("You're alright, I suppose", "Ask me again in a while");
      // "What do you think of him?": someone the person cares about, judged kindly on what they told.
      if (/^(?:him|her|them)\b/i.test(topic))
        return say(
          `From everything you've told me, I like the sound of ${topic.split(/\s+/)[0]!.toLowerCase()}`,
          "And I like how you light up talking about it",
        );
      return say(opinionOn(topic, random));
    }
    case "plans": {
      const scenario = context.activeScenarios[0];
      return say(
        scenario ? `I've got ${scenario.title.toLowerCase()} on my mind` : plansFor(context),
        random.pick(["Why, do you have a better idea?", "Quiet plans are the best plans"]),
      );
    }
    case "general":
      if (asksAboutWords.test(context.personMessage))
        return say(
          ...(everydayWordAnswer(context, random) ??
            answerGeneralQuestion(context.personMessage, random, context.identity.homeCity)),
        );
      if (
        /\b(?:you|your|yourself)\b/i.test(context.personMessage) ||
        // "What's the weirdest thing that happened at work?", asked of the agent without a "you".
        reading.kind === "about-agent" ||
        // "Morning! Sleep well?" asks after the agent's night without a "you".
        /(?:^|[!,.]\s*)sle(?:pt|ep) (?:well|ok|okay|alright|good)\b[^.!]*\?/i.test(context.personMessage) ||
        namesOwnPet(context.personMessage, context) ||
        answerAboutOwnInterest(context.personMessage, context, random) !== null ||
        answerAboutWorkDay(context.personMessage, context, random) !== null ||
        context.personMessage.toLowerCase().includes(identity.homeCity.toLowerCase())
      )
        return say(...answerAboutSelf(context.personMessage, context, random));
      {
        // Something of the agent's world its lorebook or its own story knows, said as it knows it.
        const known = loreAnswer(context.personMessage, context.lore)?.replace(/[.!?]$/, "");
        const told = known ? [known] : storyAnswer(context.personMessage, context);
        if (told) return say(...told);
      }
      return say(
        ...(verdictOnWhatItNamed(context, random) ??
          answerGeneralQuestion(context.personMessage, random, context.identity.homeCity)),
      );
    default:
      return assertNever(kind);
  }
}

function presenceLine(context: ReplyContext, random: SeededRandom): string {
  const mode = context.availability.replyMode;
  switch (mode) {
    case "normal":
      return random.pick(["I'm here", "Yep, I'm around", "Right here"]);
    case "brief":
      return `Sort of — ${lowerFirst(currentActivity(context))}`;
    case "sleepy":
      return "Barely";
    case "deferred":
      return "I am now";
    default:
      return assertNever(mode);
  }
}
