import { type BodilyState, bodilyStateOf } from "./personaBodilyStates.ts";
import { correctionCue, correctionIn } from "./personaCorrections.ts";
import {
  babyOnTheWay,
  badFeeling,
  birthdayToday,
  fearOf,
  goodFeeling,
  healthNews,
  insultToAgent,
  laughter,
  loss,
  mishap,
  mistreated,
  notWell,
  wantsQuiet,
} from "./personaFeelings.ts";
import { asksAboutWords } from "./personaGeneralQuestions.ts";
import { farewell, greeting, thanks } from "./personaGreetingWords.ts";
import { exNews, othersGoodNews } from "./personaOthersNews.ts";
import { notablePhrase, sentencesOf, topicOf } from "./personaPhrases.ts";
import { toldJoke } from "./personaPlayfulAsks.ts";
import { type QuestionKind, questionRules } from "./personaQuestionRules.ts";
import { type ShortReply, shortReplyOf } from "./personaShortReplies.ts";
import { isOwnFactsQuestion, type TurnKind, turnKindOf } from "./personaTurnKind.ts";

export { towardPerson } from "./personaPhrases.ts";
export type { QuestionKind } from "./personaQuestionRules.ts";
export type { TurnKind } from "./personaTurnKind.ts";

export interface MessageReading {
  /** What the turn asks of the reply. */
  kind: TurnKind;
  /** Besides asking, the message tells something ("…I missed the train. How are you?"). */
  tellsToo?: boolean;
  /** A small everyday annoyance ("the tram was late again"): met with sympathy, not cheer. */
  mishap: boolean;
  /** Someone died or is gravely ill: met with condolence, never a mood's opener. */
  loss: boolean;
  /** The person laughs or jokes ("haha", "lol"): the reply laughs along. */
  laughs: boolean;
  /** A one-word "yes", "ok" or "why?" that answers what the agent just said. */
  short: ShortReply | null;
  /** News about their health or body (an allergy, a diagnosis): taken seriously, without cheer. */
  health: boolean;
  /** Pain, illness, a sleepless night, hunger, cold or boredom: each met in kind. */
  bodily: BodilyState | null;
  greeting: boolean;
  farewell: boolean;
  thanks: boolean;
  compliment: boolean;
  feeling: "good" | "bad" | null;
  question: QuestionKind | null;
  /** What a "do you like X" or "what do you think of X" asks about. */
  topic: string | null;
  /** A noun phrase worth picking up, already turned toward the person ("my cat" → "your cat"). */
  phrase: string | null;
  /** The turn asks the last question again for more ("why?", "tell me more"): its lead was said. */
  wantsMore?: boolean;
  /** "Tell me more", "and then?": asks for something not told yet. */
  goesOn?: boolean;
  /** "Why?", "why that one?": asks for the reason behind the last answer. */
  asksWhy?: boolean;
}

const addressesAgent = /\b(?:you|your|yours|ur|u)\b/i;
const compliment =
  /\byou(?:'re| are) (?:so |really |very |such )?(?:(?:a |an )?(?:sweet|kind|funny|amazing|wonderful|beautiful|cute|lovely|the best|the sweetest|great|smart|clever|talented|wise|brilliant|gorgeous|adorable|hilarious|gem|sweetheart|star))\b|\byou always know (?:what to say|how to make me)\b|\byou(?:'re| are) (?:so |really |very |such )?(?:easy|fun|nice|good) to (?:talk|chat) (?:to|with)\b|\bi (?:love|like|adore) (?:talking|chatting) (?:to|with) you\b|\byou make me (?:smile|laugh|happy)\b|\byou have (?:such |really |so )?(?:beautiful|great|good|lovely|amazing|impeccable|excellent) (?:taste|eyes|a smile|a voice|a laugh|style)\b|\bi (?:miss|missed) you\b|\bi(?:'ve| have)? (?:been |was |keep |kept )?thinking (?:about|of) you\b|\b(?:i (?:really |just )?)?(?:love|adore) you\b|\byou(?:'re| are) my (?:best friend|favou?rite (?:person|human)|person|everything)\b|\byou(?:'re| are) (?:such |really |so |a really |the )?(?:a |an )?(?:good|true|great|real|wonderful|lovely) (?:friend|listener|mate|pal|egg|soul)\b|\byou mean (?:so much|a lot|everything|the world) to me\b|\byou look (?:so |really |very )?(?:nice|great|good|lovely|beautiful|cute|amazing|pretty|handsome|gorgeous|stunning)\b|\b(?:nice|great|cute|lovely|beautiful) (?:photo|pic|picture|selfie)\b/i;
/** "Sorry I didn't write yesterday": the person apologises, which is not sorrow to console. */
const apology =
  /^\s*(?:(?:ok|okay|oh|alright|look|um|ugh)[,.!]?\s+)?(?:(?:i'm|i am|im) )?(?:so |really |very )?sorry\b(?! (?:to hear|for your|about your|you))|\bi apologi[sz]e\b|^\s*my bad\b/i;

export function readMessage(text: string): MessageReading {
  // The words asked about ("how do you say thank you in Japanese?") are not said to the agent.
  if (asksAboutWords.test(text)) return wordsQuestion(text);
  const { asking, told } = askingAndTelling(text);
  // "Can't sleep" tells; "can you sleep" asks.
  const isQuestion =
    text.includes("?") ||
    /^\s*(?:(?:hi|hey|hello|hiya|yo|so|ok|okay)\b[,!]?\s+)?(?:how|what|where|when|why|who|do|does|did|are|is|can|could|will|would)\b(?!['’]t|n['’]?t\b)/i.test(
      text,
    );
  const ownFacts = isQuestion && isOwnFactsQuestion(asking);
  const asked = ownFacts
    ? "memory"
    : isQuestion
      ? (questionRules.find(([kind, pattern]) => kind !== "memory" && pattern.test(asking))?.[0] ?? "general")
      : // A statement asks about the agent only when it speaks to it: "I work as a nurse" tells.
        addressesAgent.test(text)
        ? (questionRules.find(
            ([kind, pattern]) => kind !== "preference" && kind !== "memory" && pattern.test(text),
          )?.[0] ?? null)
        : null;
  const isCompliment = compliment.test(text);
  const asksAbout = asked !== null && asked !== "memory" && asked !== "general";
  // "How do you feel?" asks about the agent; only the person's own words carry their feeling.
  // "Are you happy?" asks how the agent is; only the person's own words carry their feeling.
  // "Was your dad proud?" asks about the agent's own people.
  const askedOfAgent =
    isQuestion &&
    /\b(?:are|were|do|did|have|makes?|made|don't|dont|aren't|didn't) you\b|^\s*(?:(?:wow|oh|and|so|ok|okay)[.!,]?\s+)?(?:was|were) (?:your|ur)\b/i.test(
      text,
    ) &&
    !/\b(?:I|I'm|my)\b/i.test(text);
  // What a message tells before it asks ("…I spilled coffee on my shirt. How are you?") carries its feeling.
  const felt = told ?? text;
  // "Sorry, I meant Barcelona, not Madrid" puts a fact right: neither an apology nor news to react to.
  const corrects = correctionCue.test(text) && correctionIn(text) !== null;
  const onlyAsks = corrects || (told === null && (asksAbout || askedOfAgent));
  const bodily = onlyAsks ? null : bodilyStateOf(felt);
  const feeling =
    onlyAsks || groans(felt) || toldJoke.test(text)
      ? null
      : bodily ||
          badFeeling.test(felt) ||
          notWell.test(felt) ||
          mistreated.test(felt) ||
          fearOf(felt) ||
          wantsQuiet.test(felt) ||
          insultToAgent.test(felt) ||
          loss.test(felt)
        ? "bad"
        : (goodFeeling.test(felt) || birthdayToday.test(felt)) && !isCompliment && !exNews.test(felt)
          ? "good"
          : babyOnTheWay.test(felt) && !onlyAsks
            ? "good"
            : null;
  const signals = {
    isQuestion,
    asksAgent: asksAbout,
    greeting: greeting.test(text),
    // "Sleep well?" after a good morning asks how the night was; it wishes no good night.
    farewell:
      farewell.test(text) &&
      !/\b(?:did|do|have) you\b/i.test(text) &&
      !/\bsle(?:pt|ep) (?:well|ok|okay|alright|good)\b[^.!]*\?/i.test(text),
    thanks: thanks.test(text),
    compliment: isCompliment,
    apology: !corrects && apology.test(text),
    feeling,
  } as const;
  const kind = turnKindOf(asking === text ? text : asking, signals);
  // "Tell me about yourself" asks about the agent without naming a slot: answered about itself.
  const question: QuestionKind | null =
    kind === "own-facts" ? "memory" : (asked ?? (kind === "about-agent" ? "general" : null));
  return {
    kind,
    mishap: mishap.test(text),
    tellsToo: told !== null,
    loss: loss.test(text),
    laughs: laughter.test(text),
    health: healthNews.test(text) && !babyOnTheWay.test(text),
    bodily,
    short: shortReplyOf(text),
    greeting: signals.greeting,
    farewell: signals.farewell,
    thanks: signals.thanks,
    compliment: isCompliment,
    // "My sister just had a baby": glad news to react to, told as small talk about someone else.
    feeling:
      feeling ??
      (othersGoodNews.test(felt) && (told !== null || !isQuestion) && !exNews.test(felt) ? "good" : null),
    question,
    topic: topicOf(text),
    phrase: notablePhrase(text),
  };
}

/**
 * "…and then at lunch I spilled coffee on my shirt. Anyway, how are you?": in a message that tells
 * things and then asks, what is asked is read from its questions alone; what it tells still
 * carries its feeling.
 */
function askingAndTelling(text: string): { asking: string; told: string | null } {
  const sentences = sentencesOf(text);
  const asks = (s: string) => s.trimEnd().endsWith("?");
  const questions = sentences.filter(asks);
  return questions.length > 0 && questions.length < sentences.length
    ? { asking: questions.join(" "), told: sentences.filter((s) => !asks(s)).join(" ") }
    : { asking: text, told: null };
}

function wordsQuestion(text: string): MessageReading {
  return {
    ...readMessage("what is it?"),
    laughs: laughter.test(text),
    question: "general",
    topic: null,
    phrase: null,
  };
}

/** "haha that's terrible": a laugh at what was said (a joke), not bad news of the person's own. */
export function groans(text: string): boolean {
  return (
    laughter.test(text) &&
    /\b(?:terrible|awful|bad|worst|lame|cringe|horrible|dreadful|painful)\b/i.test(text) &&
    !/\b(?:I|I'm|I've|my|me|we|our)\b/.test(text)
  );
}
