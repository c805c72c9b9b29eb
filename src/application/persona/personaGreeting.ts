import { isAsleep, rhythmFor } from "../../domain/agent/dailyRhythm.ts";
import type { Identity, Persona } from "../../domain/agent/schemas.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import { localDateTime } from "../../domain/shared/time.ts";
import { hashText, type SeededRandom, seededRandom } from "./personaRandom.ts";
import { styleHabits } from "./personaStyle.ts";

export interface PersonaGreetingInput {
  name: string;
  persona: Persona;
  identity: Identity;
  personName: string;
  /** Varies the wording per person, the same every time for one person. */
  seed: string;
  now: string;
}

/**
 * How an agent without a card's greetings says hello: its name, its day, one of its interests. An
 * agent still asleep by its daily rhythm says so, drowsily, rather than wishing a good morning.
 */
export function personaGreeting(input: PersonaGreetingInput): string {
  const random = seededRandom(hashText(input.seed), "greeting");
  const { persona, identity } = input;
  const person = input.personName;
  const local = localDateTime(input.now, identity.timezone);
  const partOfDay = local.partOfDay;
  const asleep = isAsleep(rhythmFor(identity.occupation, persona.summary), local.minuteOfDay);
  let hello: string;
  if (asleep) hello = sleepyHello(random, person, local.hour);
  else
    switch (partOfDay) {
      case "early morning":
      case "morning":
        hello = random.pick([`Good morning, ${person}!`, `Morning, ${person}!`]);
        break;
      case "afternoon":
        hello = random.pick([`Hi ${person}!`, `Hey ${person}!`]);
        break;
      case "evening":
        hello = random.pick([`Good evening, ${person}!`, `Hey ${person}!`]);
        break;
      case "night":
      case "late night":
        hello = random.pick([`Hi ${person}, you're up late!`, `Hey there, night owl.`]);
        break;
      default:
        return assertNever(partOfDay);
    }
  const intro = random.pick([
    `I'm ${input.name}, ${withIndefiniteArticle(identity.occupation)} in ${identity.homeCity}.`,
    `${input.name} here. I work as ${withIndefiniteArticle(identity.occupation)} in ${identity.homeCity}.`,
  ]);
  const interest = persona.interests.length > 0 ? random.pick(persona.interests) : null;
  const question = asleep
    ? random.pick(["Give me a minute to wake up, then tell me everything?", "What has you up at this hour?"])
    : interest
      ? random.pick([
          `Do you like ${interest} too?`,
          `I've had ${interest} on my mind all day. What about you?`,
        ])
      : random.pick(["How's your day going?", "What brings you here?"]);
  const habits = styleHabits(persona.speakingStyle);
  const text = (habits.terse ? [hello, question] : [hello, intro, question]).join(" ");
  return habits.lowercase ? text.toLowerCase() : text;
}

/** Hello from an agent the person woke: before its usual hour in the morning, or at night. */
function sleepyHello(random: SeededRandom, person: string, hour: number): string {
  return hour >= 3 && hour < 12
    ? random.pick([
        `Mm, hi ${person}… you caught me before I'm properly up.`,
        `Oh, hi ${person}. I'm barely awake, it's early here.`,
      ])
    : random.pick([
        `Hi ${person}, you're up late! I was just dozing off.`,
        `Mm, hey ${person}… it's the middle of the night here.`,
      ]);
}
