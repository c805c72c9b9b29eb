import { assertNever } from "../../domain/shared/decider.ts";
import { petAilment } from "./personaPetAilments.ts";
import type { SeededRandom } from "./personaRandom.ts";

/**
 * How the person says they are in body: in pain, ill, unable to sleep, hungry, cold or bored.
 * Each is met with its own kind of care ("Ouch… have you taken something for it?"), never with
 * curiosity about "a headache" or the agent's own day.
 */
export type BodilyState = "pain" | "ill" | "sleepless" | "tired" | "hungry" | "cold" | "bored";

const SELF = "(?:i'm|i am|im|i feel|i'm feeling|feeling|i'm getting|getting|so)";
const SO = "(?:so |really |very |super |a bit |a little |kind of |kinda |pretty |freezing |absolutely )?";

/** In this order: "I can't sleep, my head hurts" is first of all a sleepless night. */
const STATES: readonly (readonly [BodilyState, RegExp])[] = [
  [
    "sleepless",
    /\b(?:can'?t|cannot|can not|couldn'?t|could not) (?:get to |fall a|get back to )?sleep\b|\binsomnia\b|\b(?:still|wide) awake\b/i,
  ],
  [
    "pain",
    /\b(?:head|tooth|stomach|tummy|back|ear|belly)(?:ache| ache)\b|\bmigraines?\b|\b(?:hurts?|hurting|aches|aching|sore|in pain|painful)\b|\bis killing me\b/i,
  ],
  [
    "ill",
    /\b(?:i (?:have|got|caught|think i have|think i've got)|i've got) (?:the flu|a cold|a fever|covid|a cough|a sore throat|a bug|food poisoning)\b|\b(?:getting|got|feel|feeling|i'm|i am|im) (?:so |really |a bit )?(?:sick|ill|unwell|poorly|nauseous|feverish)\b|\b(?:throwing up|threw up)\b/i,
  ],
  [
    "hungry",
    new RegExp(
      String.raw`\b${SELF} ${SO}(?:hungry|starving|starved|famished)\b|^\s*(?:hungry|starving)\b`,
      "i",
    ),
  ],
  ["cold", new RegExp(String.raw`\b${SELF} ${SO}(?:cold|freezing|frozen)\b`, "i")],
  [
    "tired",
    new RegExp(
      String.raw`\b${SELF} ${SO}(?:tired(?! of)|exhausted|knackered|shattered|sleepy|worn out|wiped out|drained|dead on my feet)\b`,
      "i",
    ),
  ],
  [
    "bored",
    new RegExp(
      String.raw`\b${SELF} ${SO}bored\b|\bbored (?:out of my mind|stiff|to death)\b|\bnothing to do\b`,
      "i",
    ),
  ],
];

/** "Does it hurt a lot?", "will that hurt?": a question about something, not a pain. */
export const asksWhetherItHurts =
  /^\s*(?:and |but )?(?:does|doesn't|will|won't|would|wouldn't|did|didn't|do|don't) (?:it|that|this|they) (?:really |even )?hurt\b/i;

/** "What did I say hurts?": a question about what the person told, not a pain now. */
const asksWhatWasTold = /\b(?:did|do) I (?:say|tell you|mention)\b/i;

export function bodilyStateOf(text: string): BodilyState | null {
  // "Does it hurt?" asks about something, not how the person is.
  if (asksWhetherItHurts.test(text) || asksWhatWasTold.test(text)) return null;
  // "My cat keeps throwing up": the animal is ill, not the person.
  if (petAilment.test(text)) return null;
  return STATES.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

/** Whether the state is bad news to meet with sympathy (hunger, cold and boredom are not). */
export function isAilment(state: BodilyState): boolean {
  return state === "pain" || state === "ill" || state === "sleepless";
}

/** The first words back: sympathy for pain, a nudge toward food or warmth, an offer against boredom. */
export function bodilyReaction(state: BodilyState, name: string, random: SeededRandom): string {
  switch (state) {
    case "pain":
      return random.pick(["Ouch, poor you", "Oh no, I'm sorry it hurts", `Ouch, ${name}`]);
    case "ill":
      return random.pick(["Oh no, poor you", `Oh, ${name}, I'm sorry you're feeling rough`]);
    case "sleepless":
      return random.pick(["Oh no, I'm sorry", "Ugh, I'm sorry — nights like that are hard"]);
    case "tired":
      return random.pick([
        `Aw, ${name} — you sound worn out`,
        "That sounds hard — you must be shattered",
        "Sorry, tired days are the worst",
      ]);
    case "hungry":
      return random.pick(["Go eat something", "Hungry? Then food first, chat second"]);
    case "cold":
      return random.pick(["Brr, go wrap up warm", "Oh no, grab a blanket"]);
    case "bored":
      return random.pick(["Bored? We can fix that", "Ugh, being bored is the worst"]);
    default:
      return assertNever(state);
  }
}

/** What comes after the reaction: a caring question or a small suggestion. */
export function bodilyFollowUp(state: BodilyState, random: SeededRandom): string {
  switch (state) {
    case "pain":
      return random.pick([
        "Have you taken something for it?",
        "Go easy on yourself today, okay?",
        "I hope it eases off soon",
      ]);
    case "ill":
      return random.pick([
        "Get some rest, okay?",
        "I hope you feel better soon",
        "Drink lots of water and rest",
      ]);
    case "sleepless":
      return random.pick(["What's keeping you awake?", "Is something keeping you up?"]);
    case "tired":
      return random.pick([
        "Long day?",
        "Can you get an early night tonight?",
        "Sofa, tea, early night — doctor's orders",
      ]);
    case "hungry":
      return random.pick(["What are you in the mood for?", "Anything good in the fridge?"]);
    case "cold":
      return random.pick(["Maybe make yourself a hot tea?", "Is it that cold where you are?"]);
    case "bored":
      return random.pick([
        "Let's find you something to do: what are you in the mood for?",
        "Want me to tell you a story or a joke?",
      ]);
    default:
      return assertNever(state);
  }
}
