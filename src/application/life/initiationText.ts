import type { LifeInitiationTrigger } from "../../domain/conversation/events.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import type { ReplyModel } from "../../ports/replyModel.ts";
import { seededRandom } from "./seededRandom.ts";

/**
 * The first message of an initiation, in the agent's voice, from its latest life event and
 * something it remembers about the person. Templates offline; a model writer can replace them.
 */
export interface InitiationTextInput {
  agentName: string;
  personName: string;
  trigger: LifeInitiationTrigger;
  lifeEvent: { title: string; description: string } | null;
  rememberedFact: string | null;
  /** How something the person said was coming up went ("How did the driving test go?"), now it is over. */
  askAbout?: string | null;
  /** Same seed, same text. */
  seed: string;
}

export interface InitiationTextWriter {
  readonly name: string;
  write(input: InitiationTextInput): Promise<string>;
}

export const templateInitiationWriter: InitiationTextWriter = {
  name: "templates",
  write: async (input) => templateInitiationText(input),
};

/** Asks the model for the message; anything unusable falls back to the templates. */
export function modelInitiationWriter(
  model: ReplyModel,
  fallback: InitiationTextWriter = templateInitiationWriter,
): InitiationTextWriter {
  return {
    name: `model (${model.describe().model})`,
    write: async (input) => {
      const event = input.lifeEvent ? `Something from your day: ${input.lifeEvent.description}` : "";
      const fact = input.rememberedFact ? `Something you remember about them: ${input.rememberedFact}` : "";
      const ask = input.askAbout
        ? `Something they told you was coming up is over now; ask: ${input.askAbout}`
        : "";
      try {
        const result = await model.complete({
          messages: [
            {
              role: "system",
              content: `You are ${input.agentName}. Write the first message of a chat to ${input.personName}, who has been quiet for a while. One or two short sentences, casual, in your own voice; no greeting formulas, no emojis. Reply with the message only.`,
            },
            {
              role: "user",
              content: [`Reason to write: ${input.trigger}.`, event, fact, ask].filter(Boolean).join("\n"),
            },
          ],
          json: false,
          maxTokens: 120,
          temperature: 0.9,
          seed: Math.floor(seededRandom(input.seed).next() * 2 ** 31),
        });
        const text = result.text.trim().replace(/^"|"$/g, "");
        if (text.length > 0 && text.length <= 500) return text;
      } catch {
        // The templates answer when the model cannot.
      }
      return fallback.write(input);
    },
  };
}

const OPENERS: Record<LifeInitiationTrigger, readonly string[]> = {
  life_event: [
    "Small update from my day: {event}",
    "Guess what: {event}",
    "Okay, I have to tell someone: {event}",
  ],
  check_in: [
    "Hey {person}, haven't heard from you in a bit. How are you doing?",
    "Hi {person}! Just checking in. How are things on your side?",
    "Hey you. Was thinking about you just now. How's your day going?",
  ],
  morning_greeting: [
    "Morning, {person}! Hope your day starts gently.",
    "Good morning, {person}. Did you sleep okay?",
  ],
  good_night: [
    "Hey {person}, hope your day was kind to you. Sleep well later.",
    "Winding down yet, {person}?",
  ],
  follow_up: [
    "Me again. No pressure to answer, just thinking of you.",
    "Still here whenever you feel like talking, {person}.",
    "Hope everything's alright, {person}. Write when you can.",
  ],
};

const CLOSERS = ["What are you up to?", "Made me think of you.", "How's your day going?"];

/** Before asking how something went: a hello that leaves the question to be the one asked. */
const BEFORE_ASKING: Record<Exclude<LifeInitiationTrigger, "follow_up" | "life_event">, readonly string[]> = {
  check_in: ["Hey {person}, I was just thinking of you.", "Hi {person}! I remembered something."],
  morning_greeting: ["Morning, {person}!", "Good morning, {person}."],
  good_night: ["Evening, {person}.", "Hey {person}, hope your day was kind to you."],
};

export function templateInitiationText(input: InitiationTextInput): string {
  const random = seededRandom(input.seed, "initiation text");
  const fill = (text: string) =>
    text.replaceAll("{person}", input.personName).replaceAll("{event}", eventSentence(input.lifeEvent));
  // Without the event itself there is nothing to tell: a plain check-in then.
  const trigger = input.trigger === "life_event" && !input.lifeEvent ? "check_in" : input.trigger;
  if (input.askAbout && trigger !== "follow_up") {
    const hello = trigger === "life_event" ? OPENERS.life_event : BEFORE_ASKING[trigger];
    return `${fill(random.pick(hello)!)} ${input.askAbout}`;
  }
  const parts = [fill(random.pick(OPENERS[trigger])!)];
  switch (trigger) {
    case "life_event":
      parts.push(random.pick(CLOSERS)!);
      break;
    case "check_in":
    case "morning_greeting":
    case "good_night":
      if (input.lifeEvent && random.next() < 0.5)
        parts.push(`My day so far: ${eventSentence(input.lifeEvent)}`);
      break;
    case "follow_up":
      break;
    default:
      return assertNever(trigger);
  }
  const fact = input.rememberedFact ? factHook(input.rememberedFact, input.personName) : null;
  if (fact && trigger !== "follow_up" && random.next() < 0.7) parts.push(fact);
  return parts.join(" ");
}

function eventSentence(event: { title: string; description: string } | null): string {
  if (!event) return "";
  const text = event.description.trim() || event.title.trim();
  const sentence = /^I\b/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

const IRREGULAR: Record<string, string> = {
  is: "are",
  was: "were",
  has: "have",
  does: "do",
  "doesn't": "don't",
};

/** "Sam loves hiking." → "I remembered you love hiking; any news there?" */
export function factHook(fact: string, personName: string): string {
  const text = fact.trim().replace(/[.!]+$/, "");
  const name = personName.trim();
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (name.length > 0 && new RegExp(`^${escaped}\\b`, "i").test(text)) {
    const rest = text.slice(name.length);
    const possessive = /^'s\s/.exec(rest);
    const secondPerson = possessive
      ? `your ${rest.slice(possessive[0].length)}`
      : rest.trim().replace(/^(\S+)/, (verb) => `you ${toBaseForm(verb)}`);
    return `I remembered ${secondPerson.replace(new RegExp(`\\b${escaped}'s\\b`, "g"), "your")}; any news there?`;
  }
  return `Also, I remembered something you told me: ${text.charAt(0).toLowerCase()}${text.slice(1)}.`;
}

function toBaseForm(verb: string): string {
  const lower = verb.toLowerCase();
  if (IRREGULAR[lower]) return IRREGULAR[lower]!;
  if (/[^aeiou]ies$/.test(lower)) return `${verb.slice(0, -3)}y`;
  if (/(s|sh|ch|x|z)es$/.test(lower)) return verb.slice(0, -2);
  if (/[^s]s$/.test(lower)) return verb.slice(0, -1);
  return verb;
}
