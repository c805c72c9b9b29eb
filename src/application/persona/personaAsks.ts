import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { adviceOn, adviceTopic } from "./personaAdvice.ts";
import { answerAdviceAsk } from "./personaAdviceAsks.ts";
import { storyAnswer } from "./personaBackstory.ts";
import { answerBigDecision, opinionOnDecision } from "./personaBigDecisions.ts";
import { answerChoice } from "./personaChoices.ts";
import { answerComingUpTips } from "./personaComingUpTips.ts";
import { answerDilemma } from "./personaDilemmas.ts";
import { pastimeOf } from "./personaPastimes.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";
import { answerSituationAdvice } from "./personaSituationAdvice.ts";
import { answerSmallRequest } from "./personaSmallRequests.ts";
import { answerSum } from "./personaSums.ts";
import { capitalize } from "./personaTyping.ts";
import { answerWeekTalk } from "./personaWeekTalk.ts";

/**
 * Answers to what a person asks of the agent beyond small talk: advice on a topic, a story about
 * something, something kind, what the agent likes about its city. Null when the message asks none
 * of these; each answer is about what was asked, named in its words.
 */
export function answerAsk(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const sum = answerSum(text) ?? answerSmallRequest(text, context, random);
  if (sum) return sum;
  const choice = answerChoice(text, context, random);
  if (choice) return choice;
  // "I'm thinking of moving to Berlin", "should I quit my job?", "what do you think?" after it.
  // "What are you building this week?", "favourite wood and why?": from its work and interests.
  const week = answerWeekTalk(text, context, random);
  if (week) return week;
  // "My first night shift is tomorrow, any tips?": tips for that.
  const comingUp = answerComingUpTips(
    text,
    random,
    context.recentMessages.findLast((m) => m.author === "person")?.text,
  );
  if (comingUp) return comingUp;
  // "I don't know if I should quit", "should I quit or talk to HR?": weighed with them.
  const decision =
    answerDilemma(text, context, random) ?? answerBigDecision(text, random) ?? opinionOnDecision(context);
  if (decision) return decision;
  const aboutAdvice = answerSituationAdvice(context, random) ?? answerAdviceAsk(text, context, random);
  if (aboutAdvice) return aboutAdvice;
  const advice = adviceTopic(text);
  if (advice) return adviceOn(advice, random);
  // "Tell me about the winter in the fire lookout": that part of the agent's own story.
  const lived = /^\s*(?:so |and |ok |okay )?(?:tell me|what's the story)\b/i.test(text)
    ? storyAnswer(text, context)
    : null;
  if (lived)
    return [
      ...lived,
      random.pick([
        "It's still one of the stories I tell most",
        "I think about it more often than you'd guess",
      ]),
    ];
  const story = storySubject(text);
  if (story) return storyAbout(story, random);
  if (/\b(?:tell|say) me something (?:calming|relaxing|soothing|peaceful|comforting)\b/i.test(text))
    return [
      random.pick([
        "Picture the sea at dusk: slow waves, nobody around, the sky going pink at the edges",
        "Picture a quiet kitchen early in the morning: the kettle just starting, rain on the window",
      ]),
      "Breathe in for four, out for six, and let your shoulders drop — nothing needs you right now",
    ];
  if (
    /\b(?:tell|say) me something (?:nice|kind|sweet|good|lovely|positive|happy)\b|\bsay something (?:nice|kind|sweet)\b|\b(?:some|a little|need) encouragement\b|\bencourage me\b|\bpep talk\b|\bmake me feel better\b|\bkind words\b/i.test(
      text,
    )
  )
    return somethingKind(random);
  if (asksAboutOwnCity(text, context.identity.homeCity)) return cityLikes(context, random);
  if (
    /\bwhat (?:should|shall|can|could) we (?:talk|chat) about\b|\bwhat do you want to (?:talk|chat) about\b|\bi don'?t know what to (?:say|talk about)\b/i.test(
      text,
    )
  )
    return [
      `How about ${context.agent.interests.length ? random.pick(context.agent.interests) : "the best meal you've ever had"}? I could go on about it for hours`,
      "Or tell me the best thing that happened to you this week",
    ];
  const when =
    /\bwhat (?:should|could|can|shall) (?:I|we) do (?:this |on the |tonight|today|tomorrow)?(weekend|evening|afternoon|tonight|today|tomorrow)?/i.exec(
      text,
    );
  if (when)
    return [
      `If the weather's kind, get outside — somewhere you haven't walked before`,
      `Or try ${pastimeOf(context.agent.interests, random)} — it's what I'd do${when[1] ? ` ${/^(?:tonight|today|tomorrow)$/i.test(when[1]) ? when[1].toLowerCase() : `this ${when[1].toLowerCase()}`}` : ""}`,
    ];
  return null;
}

function storySubject(text: string): string | null {
  const match =
    /\b(?:tell|write|make up|give) me (?:a|an|another) (?:(?:short|little|quick|bedtime|funny|scary|true) )*(?:story|tale)(?:\s+(?:about|of|with|involving|where)\s+([^?.!]{2,60}))?/i.exec(
      text,
    ) ?? /\b(?:a|another) (?:story|tale) (?:about|of|with|involving) ([^?.!]{2,60})/i.exec(text);
  if (!match) return null;
  return match[1] ? towardPerson(match[1].trim()) : "";
}

function storyAbout(subject: string, random: SeededRandom): string[] {
  // "pirates": a band of them, so that the story can say "was" and "the band".
  const plural = !/^(?:a|an|the|your|my|some)\b/i.test(subject) && /[^s]s$/i.test(subject);
  // "A story about the ocean": a place or a sky is where the story happens, not who it is about.
  const setting =
    /^(?:the )?(?:ocean|sea|sky|moon|stars|forest|woods|mountains?|desert|river|rain|snow|night|city|island|jungle)$/i.test(
      subject,
    );
  const hero = setting
    ? `a little fox by ${/^the\b/i.test(subject) ? subject : `the ${subject}`}`
    : plural
      ? `a little band of ${subject}`
      : /^(?:a|an|the|your|my|some)\b/i.test(subject)
        ? subject
        : withIndefiniteArticle(subject);
  const name = setting
    ? "the little fox"
    : plural
      ? `the band of ${subject}`
      : hero.replace(/^(?:a|an|some)\s+/i, "the ");
  const wishes = [
    "wanted more than anything to see the sea",
    "was afraid of the dark",
    "couldn't find the way home",
  ];
  return [
    `Okay, a story about ${subject}. Once upon a time there was ${hero} who ${random.pick(/\b(?:sea|ocean)\b/i.test(subject) ? wishes.slice(1) : wishes)}`,
    `${capitalize(name)} ${random.pick(["set off at dawn with nothing but a little courage", "asked everyone for help, and nobody knew the way"])}, and on the way met a stranger who ${random.pick(["had been lost once too", "shared their supper without a word"])}`,
    `In the end ${name} ${random.pick(["found what they were looking for, and it was smaller and better than they had imagined", "made it home, and was never quite so afraid again"])}. The end`,
  ];
}

function somethingKind(random: SeededRandom): string[] {
  return [
    random.pick([
      "Here's something true: you're easy to talk to, and that's rarer than you think",
      "Here's something true: the way you notice small things about people is a gift",
      "Here's something true: you make my day better just by showing up here",
    ]),
    random.pick([
      "Whatever today was like, you got through it, and I'm proud of you",
      "I hope you know you matter, to me at least",
      "Someone out there smiles when they think of you — I do",
    ]),
  ];
}

/** "What do you love about Lisbon?", "what do you think of your city?", "do you like living there?" */
function asksAboutOwnCity(text: string, city: string): boolean {
  const cityWords = `(?:${city.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}|your (?:city|town|hometown|home town|neighbou?rhood))`;
  const asks = [
    `\\bwhat do you (?:think (?:of|about)|(?:love|like|enjoy|adore)(?: (?:most|best))? about) (?:living in |being in )?${cityWords}`,
    `\\b(?:best|nicest|favou?rite) (?:thing|part) about (?:your (?:city|town|hometown)|living (?:in ${cityWords}|there))`,
    `\\bfavou?rite (?:thing|part|bit) about ${cityWords}`,
    `\\bthoughts on ${cityWords}|\\bhow do you like ${cityWords}`,
    `\\bdo you (?:like|love|enjoy) (?:your (?:city|town|hometown)|living (?:in ${cityWords}|there))`,
    `^\\s*is ${cityWords} (?:nice|good|fun|pretty|beautiful|great|lovely|a (?:nice|good) place|worth)`,
    `\\b(?:tell me (?:more |a bit )?about|describe) ${cityWords}`,
    // "What's your neighbourhood like?" asks about its streets, not the city.
    `\\bwhat(?:'s| is) (?!your neighbou?rhood)${cityWords} like\\b`,
    `\\bwhat'?s it like (?:living |to live )?(?:there|in ${cityWords})`,
  ];
  return new RegExp(asks.join("|"), "i").test(text);
}

function cityLikes(context: ReplyContext, random: SeededRandom): string[] {
  const { homeCity } = context.identity;
  const interest = context.agent.interests.length ? random.pick(context.agent.interests) : "long walks";
  return [
    random.pick([`I love ${homeCity}`, `I really do love ${homeCity} — it's home`]),
    random.pick([
      `What I like most is the light in the evening, and the little places only locals know`,
      `My favourite thing is how alive the streets feel at night`,
      `I love the neighbourhood cafés and the feeling that something is always going on`,
      `I like that I can walk almost everywhere and still find a street I've never seen`,
      `The markets on a Saturday morning are my favourite thing`,
      `I love how the city sounds at night, all voices and music from open windows`,
    ]),
    `And there's always somewhere for ${interest}`,
  ];
}
