import type { ReplyContext } from "../prompt/replyContext.ts";
import { bodilyFollowUp } from "./personaBodilyStates.ts";
import {
  askingAfter,
  askingAfterALoss,
  fearOf,
  feelsBetter,
  insultToAgent,
  loss,
  mistreated,
  nervesBeforeComingUp,
  wantsQuiet,
} from "./personaFeelings.ts";
import type { SeededRandom } from "./personaRandom.ts";
import type { MessageReading } from "./personaReading.ts";

const PET =
  /\b(?:dog|doggy|puppy|pup|cat|kitty|kitten|pet|hamster|rabbit|bunny|horse|pony|parrot|bird|budgie|guinea pig|ferret|tortoise|turtle|fish)s?\b/i;
/** What the person says of their own weather, if anything: good weather is good news. */
export function weatherNews(text: string): "good" | "bad" | "snow" | "hot" | null {
  // Snow told with a "!" or a snowflake is a treat; heat is neither good nor bad news, just a lot.
  if (
    /\bsnow(?:ing|ed|y)?\b|❄|☃|⛄/iu.test(text) &&
    /!|❄|☃|⛄|\b(?:yay|finally|first snow|so pretty|beautiful)\b/iu.test(text)
  )
    return "snow";
  if (
    /\b(?:so|really|super|crazy|way too|too) hot\b|\b(?:scorching|boiling|sweltering|heatwave)\b|\b(?:3[5-9]|4\d) ?(?:degrees|°)|🥵/iu.test(
      text,
    )
  )
    return "hot";
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
/**
 * A goodbye that wishes a good night or goes to bed, in any of the languages read. Not any word
 * "night": "see you tomorrow night" or "I've got a night shift" say goodbye at any hour.
 */
export const saysGoodNight =
  /\b(?:good ?night|g'?night|nighty?[ -]night|night night|sweet dreams|(?<!(?:didn't|did not|don't|do not|can't|cannot|couldn't|never|not) )sleep (?:well|tight)|(?:off|going|heading|headed|time|ready) (?:to |for )?(?:bed|sleep)|bed ?time|(?:go to|get some|gonna|going to|need to|should) sleep|buona ?notte|gute nacht|bonne nuit|buenas noches|boa noite|welterusten|oyasumi)\b|^\s*(?:gn|nite|night)\b(?!\s+(?:shift|owl|out|time|life|sky|bus|train|off|before|in|at|was|is))|[,.!]\s*(?:gn|nite|night)(?:\s+(?:x+|all|then))?\s*[!.x]*\s*$/i;

/** After the reaction: care for bad news, curiosity for good news, interest in what they mention. */
export function followUpFor(
  context: ReplyContext,
  reading: MessageReading,
  random: SeededRandom,
): string | null {
  if (reading.farewell)
    return context.affinity >= 30
      ? random.pick([
          // Not "talk soon": the farewell before it may already have said so.
          isNight(context) || saysGoodNight.test(context.personMessage)
            ? "Sweet dreams"
            : "Enjoy the rest of your day",
          "I'll be here tomorrow",
          "Thanks for today",
        ])
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
  if (weather === "snow") return random.pick(["Are you going out in it?", "Build a snowman for me"]);
  if (weather === "hot")
    return random.pick(["Drink lots of water and stay in the shade", "Find some shade and a cold drink"]);
  if (wantsQuiet.test(context.personMessage)) return "I'm here whenever you want to talk";
  if (insultToAgent.test(context.personMessage))
    return random.pick(["What did I do?", "Did I say something wrong?"]);
  const feared = reading.feeling === "bad" ? fearOf(context.personMessage) : null;
  if (feared) return random.pick(["Has it always been that way?", "Do you know where it comes from?"]);
  if (reading.feeling === "bad" && mistreated.test(context.personMessage))
    return random.pick(["Are you alright?", "Do you want to talk about it?"]);
  if (reading.feeling === "bad" && nervesBeforeComingUp(context.personMessage, context.recentMessages))
    return random.pick([
      "You've got this",
      "You'll do great, I know it",
      "Is there anything you still want to prepare?",
    ]);
  if (reading.feeling === "bad") {
    // After "my dog died", "I miss him a lot" is not asked what happened.
    const lostBefore = context.recentMessages
      .filter((m) => m.author === "person")
      .slice(-3)
      .some((m) => loss.test(m.text));
    return random.pick(
      lostBefore ? askingAfterALoss(context.personMessage) : askingAfter(context.personMessage),
    );
  }
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
      ? `${/[^s']s$/i.test(reading.phrase) ? "Are" : "Is"} ${reading.phrase} okay?`
      : random.pick(["What happened?", "Was the rest of the day any better?"]);
  if (!reading.phrase) return null;
  return random.pick([
    `Wait, ${reading.phrase}? Tell me more`,
    `I want to hear more about ${reading.phrase}`,
  ]);
}

/**
 * Late evening or night where the person is (where the agent is, when their time zone is not
 * known), or the person said it is bedtime: a "sleep well" is for them.
 */
export function isNight(context: ReplyContext): boolean {
  const hour = context.personLocalTime?.hour ?? context.localTime.hour;
  return hour >= 21 || hour < 5 || saysGoodNight.test(context.personMessage);
}
