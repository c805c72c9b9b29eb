import { extractFacts } from "../memory/factExtractor.ts";
import { ownedAppointment } from "../memory/factRules.ts";
import { previousTurnAt, resolveFollowUp } from "../memory/followUpStatement.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { personNames } from "./personaAddressing.ts";
import { takeUpDoing } from "./personaDoings.ts";
import { acknowledgeFact } from "./personaFactAcknowledgement.ts";
import { readMemory } from "./personaMemoryReading.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { takeUpRelativeFact } from "./personaRelativeFacts.ts";
import { takeUpSelfFact } from "./personaSelfFacts.ts";
import { capitalize } from "./personaTyping.ts";

/** What the reply says about a fact the person just shared; `asks` when it ends on a question of its own. */
export interface TakenUpFact {
  sentences: string[];
  asks: boolean;
}

/**
 * What the person just told about their life, taken up: "I have a dog named Biscuit" → "Biscuit
 * is a lovely name for a dog", "I work as a nurse" → "A nurse — that must be demanding. Do you
 * work nights?". A greeting or a remark that carries a fact gets the fact answered, not only the
 * hello.
 */
export function takeUpSharedFact(context: ReplyContext, random: SeededRandom): TakenUpFact {
  const previous = previousTurnAt(context.recentMessages, context.recentMessages.length);
  // "It's chemistry", after the person's exam came up: taken up as news about the exam.
  const followUp = resolveFollowUp(context.personMessage, previous);
  if (followUp) return aboutTheirThing(followUp, random);
  const facts = extractFacts(context.personMessage, { personName: context.personName || "The person" });
  const [fact] = facts;
  // "My name is Jonas" from Jonas: the name the agent already calls them by, heard gladly.
  const ownName = !fact && toldOwnName(context);
  if (ownName)
    return {
      sentences: [
        random.pick([`Nice to meet you properly, ${ownName}`, `${ownName} — that's how I know you`]),
        random.pick(["How's your day going?", "What are you up to today?"]),
      ],
      asks: true,
    };
  if (!fact) {
    const doing = takeUpDoing(context.personMessage, random);
    return doing ? { sentences: doing, asks: true } : { sentences: [], asks: false };
  }
  // The first fact that can be taken up in words of its own; else the first, said back.
  for (const shared of facts) {
    // "We adopted a kitten named Luna": the new pet met by its kind and name.
    if (shared.pet) {
      const sentences = acknowledgeFact(shared, random);
      return { sentences, asks: sentences.some((sentence) => sentence.endsWith("?")) };
    }
    const heard = readMemory({ text: shared.text, score: 1 }, personNames(context));
    if (heard.kind === "relation" && heard.name) return aboutSomeone(heard.name, heard.relation!, random);
    const aboutThem = takeUpSelfFact(shared, random);
    if (aboutThem) return { sentences: aboutThem, asks: true };
    // "My sister is visiting": called by the name the person gave her before.
    const knownName = (relation: string) =>
      context.memories
        .map((memory) => readMemory(memory, personNames(context)))
        .find((known) => known.kind === "relation" && known.relation === relation && known.name)?.name ??
      null;
    const aboutTheirPeople = takeUpRelativeFact(shared.quote, random, knownName);
    if (aboutTheirPeople) return { sentences: aboutTheirPeople, asks: true };
  }
  // Anything else they said about themselves is acknowledged in words of the agent's own, never
  // said back as a question; news about someone else is left to what is remembered of them.
  // "dentist appointment at 3", "my scan is at 2" are the person's own, as "I have one at 3" would be.
  const told = fact.kind === "plan" ? ownedAppointment(fact.quote) : fact.quote;
  const ownAppointment =
    fact.kind === "plan" &&
    /^\s*my (?:[\w'’-]+ )?(?:interview|exam|test|appointment|audition|hearing|surgery|operation|scan|flight|train|bus|coach|ferry|check-?in|boarding)(?: is|'s| leaves| departs| closes| opens)\b/i.test(
      told,
    );
  if (
    !ownAppointment &&
    !/^\s*(?:I|I'm|I've|I'd|call me)\b|^\s*my (?:birthday|favou?rite|name)\b/i.test(told)
  )
    return { sentences: [], asks: false };
  const sentences = acknowledgeFact(fact, random);
  return { sentences, asks: sentences.some((sentence) => sentence.endsWith("?")) };
}

function aboutTheirThing(resolved: string, random: SeededRandom): TakenUpFact {
  const [, thing = "it", detail = ""] =
    /^My (\S+) is (?:about |at |on |in |by |with |for |from |called )?(.+)$/.exec(resolved) ?? [];
  const shown = capitalize(detail);
  return {
    sentences: [
      random.pick([`${shown} — got it`, `Ooh, ${detail}`, `${shown}, noted`]),
      random.pick([
        `I'll remember that about your ${thing}`,
        `Thanks for telling me more about your ${thing}`,
      ]),
      /^(?:exam|exams|test|interview|appointment|surgery|operation|flight|wedding|presentation|concert|recital|match|game|race|marathon|audition|deadline|meeting|date|gig|quiz|competition|tournament|trip)$/.test(
        thing,
      )
        ? random.pick([`How do you feel about the ${thing}?`, `Are you ready for the ${thing}?`])
        : random.pick([`What do you think of it so far?`, `Is it as good as you hoped?`]),
    ],
    asks: true,
  };
}

function aboutSomeone(name: string, relation: string, random: SeededRandom): TakenUpFact {
  return {
    sentences: [
      random.pick([
        `${name} is a lovely name for a ${relation}`,
        `Aww, I like the sound of ${name} the ${relation}`,
      ]),
      random.pick([`What is ${name} like?`, `Tell me more about ${name}!`]),
    ],
    asks: true,
  };
}

/** The name the person tells as theirs ("my name is Jonas", "I'm Jonas") when it is the one known. */
function toldOwnName(context: ReplyContext): string | null {
  const told =
    /\b(?:my name(?:'s| is)|call me|I'm called|I am called|I go by|I'm|I am)\s+(\p{L}[\p{L}'-]*)/iu.exec(
      context.personMessage,
    )?.[1];
  if (!told) return null;
  const known = personNames(context).map((name) => name.trim().split(/\s+/)[0] ?? "");
  return known.find((name) => name !== "" && name.toLowerCase() === told.toLowerCase()) ?? null;
}
