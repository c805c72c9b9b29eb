import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";
import { capitalize } from "./personaTyping.ts";

/** "I'm thinking of moving to Berlin": a step the person is weighing, in their words. */
const WEIGHING =
  /\bI(?:'m| am|m)? (?:(?:really|seriously|kind of|kinda) )?(?:thinking|considering|planning|tempted|debating) (?:of |about |whether to )?((?:moving|quitting|leaving|going back|changing|starting|selling|buying|taking|applying|studying|retiring|dropping out|breaking up|getting|switching|becoming|opening|doing)\b[^.?!]{0,60})/i;
const ASKED =
  /\b(?:(?:should|shall) I|(?:think|reckon) I should)\s+([^?.!]{2,60}?)\s*(?:\?|$|\s+(?:haha|lol|or not)\b)/i;
const OFFER =
  /\b(?:(?:got|have|received|was offered|been offered) (?:a |an )?(?:job )?offer|(?:[Gg]ot|was|been|I'm|I am|im) offered (?:a |an )?(?:new )?(?:job|position|role|place|spot)) (?:in|from|at) ([\p{Lu}][\p{L}]+)/u;
/** "…but my whole family is here": what the step would leave behind. */
const LEFT_BEHIND = /\bbut (my (?:whole )?[\p{L} ]{2,25}?) (?:is|are|lives?) (?:all )?here\b/iu;
const EVERYDAY =
  /^(?:cook|eat|make|watch|read|listen|wear|get|buy|do|have|order|text|call|go to bed|sleep)\b/i;

export interface BigDecision {
  /** The step, turned toward the person: "moving to Berlin", "quit your job". */
  step: string;
  /** What the person fears it costs ("leaving your family"), when they said. */
  cost: string | null;
}

/** A big step the person is weighing or asks about; null for a meal, a film or nothing of the kind. */
export function bigDecisionOf(text: string): BigDecision | null {
  const cost =
    /\b(?:means|mean|would mean) (leaving [^.?!]{2,40}?|moving [^.?!]{2,40}?)(?:[.?!]|$)/i.exec(text)?.[1] ??
    (LEFT_BEHIND.exec(text)?.[1] ? `leaving ${LEFT_BEHIND.exec(text)![1]}` : null);
  const offer = OFFER.exec(text)?.[1];
  if (offer) return { step: `taking the job in ${offer}`, cost: cost && towardPerson(cost) };
  const weighing = WEIGHING.exec(text)?.[1]?.trim();
  if (weighing) return { step: towardPerson(weighing.replace(/\s+(?:too|haha|lol)$/i, "")), cost: null };
  // "What should I say to him?" asks for words, not whether to take a step.
  const asked = /^\s*(?:what|how|where|when|which|who|why)\b/i.test(text)
    ? null
    : ASKED.exec(text)?.[1]?.trim();
  if (!asked || EVERYDAY.test(asked)) return null;
  return { step: towardPerson(asked.replace(/\s+(?:too|or not)$/i, "")), cost: null };
}

/**
 * "I'm thinking of moving to Berlin", "is it crazy to go back to university at 40?", "I got an
 * offer in Tokyo but it means leaving my family": the step taken seriously, with the question that
 * helps weigh it; half a joke is met with half a joke. Null when no big step is weighed.
 */
export function answerBigDecision(text: string, random: SeededRandom): string[] | null {
  // "My girlfriend thinks I should turn it down": someone else's view of the person's step.
  const adviser =
    /^\s*(?:and |but )?((?:my|our) [\p{L}' ]{2,25}?|he|she|they) (?:(?:thinks?|says?|reckons?) (?:that )?I (?:should|shouldn't|should not)\s+\S|(?:isn't|is not|wasn't|isnt) (?:so |too |really )?(?:sure|convinced|keen)\b|(?:doesn't|does not|doesnt) (?:think|want|like)\b|is against it\b)/iu.exec(
      text,
    )?.[1];
  if (adviser && !/^(?:he|she|they)$/i.test(adviser))
    return [
      `It's good to know what ${towardPerson(adviser)} thinks — but in the end it's your call`,
      "What do you want to do?",
    ];
  const decision = bigDecisionOf(text);
  if (!decision) return null;
  const { step, cost } = decision;
  if (/\b(?:haha+|lol|jk|😂|🤣)/iu.test(text))
    return [
      "Ha — if the thought keeps coming back, it might be worth taking seriously",
      "Half joking, or only half?",
    ];
  if (cost)
    return [
      `That's a hard one — ${step} on one side, and ${cost} on the other`,
      "What does your gut say when you imagine saying yes?",
    ];
  const crazy = /\b(?:crazy|stupid|mad|insane|too old|too late)\b/i.test(text);
  if (/^(?:going back|studying|starting|applying|becoming)\b/i.test(step) || crazy)
    return [
      crazy
        ? "Not crazy at all — people start again at every age, and they usually know exactly why they're there"
        : `${capitalize(step)} — I love that you're thinking about it`,
      "What's drawing you to it?",
    ];
  if (/^(?:quit|quitting|leav)/i.test(step))
    return [
      random.pick([
        "That's a big one, and only you can really know",
        "I can't decide it for you, but I'll help",
      ]),
      `What's making you want to ${step.replace(/^quitting/i, "quit").replace(/^leaving/i, "leave")}?`,
    ];
  if (/^moving\b/i.test(step))
    return [`${capitalize(step)} — that's a big step`, "What's pulling you there?"];
  if (/^\p{L}+ing\b/iu.test(step))
    return [`${capitalize(step)}? That's a big decision`, "What's pulling you toward it?"];
  return [
    random.pick([
      "That's a big one, and only you can really know",
      "I can't decide it for you, but I'll help",
    ]),
    `What's making you want to ${step}?`,
  ];
}

/** "What do you think?", "is that crazy?", "should I?" after a step the person told of: the agent's honest view. */
export function opinionOnDecision(context: ReplyContext): string[] | null {
  if (
    !/^\s*(?:(?:so|ok|okay|hmm+|and|but|well|honestly),?\s+)*(?:what do (?:you|u) think|is (?:that|it) (?:crazy|stupid|mad|a bad idea)|am I (?:crazy|mad|being stupid)|would you do it|(?:do (?:you|u) think )?(?:(?:should|shall) I|I should)(?: do it| go for it)?)\s*[?!.]*\s*$/i.test(
      context.personMessage,
    )
  )
    return null;
  const told = context.recentMessages
    .filter((m) => m.author === "person")
    .slice(-4)
    .map((m) => m.text);
  if (!told.some((said) => bigDecisionOf(said))) return null;
  return [
    "Honestly? If it keeps coming back to you, I think it's worth doing — carefully",
    "Take one small step first, a visit or a course or a talk with someone who's done it, and see how it feels",
  ];
}
