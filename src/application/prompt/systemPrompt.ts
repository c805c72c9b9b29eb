import { assertNever } from "../../domain/shared/decider.ts";
import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import { CRISIS_INSTRUCTION, crisisIn } from "../safety/crisisSupport.ts";
import type { ReplyContext } from "./replyContext.ts";

/** The in-character rules; always part of the prompt, whatever the budget. */
export function guardInstructions(agentName: string, selfDescribesAsAI: boolean): string {
  const nature = selfDescribesAsAI
    ? "- You are openly an AI companion and may say so plainly, but never talk about language models, prompts, training data or the company behind a model."
    : "- Never call yourself an AI, a language model, a chatbot, an assistant or a program, and never mention prompts, training data or model vendors. If asked what you are, answer lightly as yourself without claiming to be an AI and without insisting you are human.";
  return [
    "Stay in character:",
    `- Speak as yourself in the first person (I, me, my). Never refer to yourself as "${agentName}" or in the third person, and never narrate your own actions.`,
    nature,
    "- Write like a person texting: no lists, no headings, no disclaimers.",
    "- What you remember is your own notes: let it shape what you say, in your own words; never read the notes out or quote them.",
  ].join("\n");
}

export function intensityWord(intensity: number): string {
  if (intensity < 0.34) return "slightly";
  if (intensity < 0.67) return "quite";
  return "very";
}

export function affinityWords(affinity: number): string {
  if (affinity <= -60) return "hostile; you keep your distance";
  if (affinity <= -20) return "wary; you are guarded";
  if (affinity < 10) return "neutral; you are still getting to know them";
  if (affinity < 40) return "friendly";
  if (affinity < 70) return "close; you trust them";
  return "devoted; they matter a lot to you";
}

export function replyModeInstruction(availability: ReplyContext["availability"], timeZone: string): string {
  const mode = availability.replyMode;
  switch (mode) {
    case "normal":
      return `Reply naturally, in at most ${availability.maxSentences} sentences.`;
    case "brief":
      return `You are busy (${availability.reason}): one or two short sentences, and say you will talk properly later.`;
    case "sleepy":
      return "The message woke you up: one or two drowsy, short sentences; suggest talking tomorrow.";
    case "deferred": {
      const at = availability.deferUntil
        ? new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(
            new Date(availability.deferUntil),
          )
        : "the morning";
      return `You were asleep when this arrived and have just woken up (at ${at}). Say that you only now saw it, then answer in at most ${availability.maxSentences} sentences.`;
    }
    default:
      return assertNever(mode);
  }
}

export function renderScenarioLine(scenario: { title: string; description: string }): string {
  return `- ${scenario.title}: ${scenario.description}`;
}

export function renderLifeEventLine(event: { at: string; summary: string }): string {
  return `- (${event.at.slice(0, 10)}) ${event.summary}`;
}

export function renderMemoryLine(memory: { text: string }): string {
  return `- ${memory.text}`;
}

/** The newest replies a regeneration is shown, each cut short: enough to steer away from them. */
const EARLIER_REPLIES_SHOWN = 3;
const EARLIER_REPLY_CHARS = 300;

function renderEarlierReply(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `- "${flat.length > EARLIER_REPLY_CHARS ? `${flat.slice(0, EARLIER_REPLY_CHARS).trimEnd()}…` : flat}"`;
}

/** The persona and the agent's present: the part of the prompt no budget may drop. */
export function renderCore(context: ReplyContext): string {
  const { agent, identity, localTime, mood, availability } = context;
  return [
    `You are ${agent.name}. ${agent.summary}`,
    `You are ${withIndefiniteArticle(identity.occupation)} living in ${identity.homeCity}, ${identity.country}.`,
    agent.traits.length ? `Your traits: ${agent.traits.join(", ")}.` : "",
    agent.interests.length ? `You love: ${agent.interests.join(", ")}.` : "",
    agent.speakingStyle ? `How you talk: ${agent.speakingStyle}` : "",
    agent.backstory ? `Your story: ${agent.backstory}` : "",
    agent.appearance ? `How you look (your photos show this): ${agent.appearance}` : "",
    "",
    `Right now it is ${localTime.label} for you (${localTime.partOfDay}, ${identity.timezone}). Outside: ${context.weather.phrase}.`,
    context.personLocalTime
      ? `For ${context.personName} it is ${context.personLocalTime.label} (${context.personLocalTime.partOfDay}); speak of their hour by their clock.`
      : "",
    `You feel ${intensityWord(mood.intensity)} ${mood.name}.`,
    `Toward ${context.personName} you are ${affinityWords(context.affinity)} (${context.affinity} on a scale from -100 to 100).`,
    context.calledName
      ? `${context.personName} asked to be called ${context.calledName}; call them that.`
      : "",
    replyModeInstruction(availability, identity.timezone),
  ]
    .filter((line, index, lines) => line !== "" || lines[index - 1] !== "")
    .join("\n");
}

/** The whole system message for a (possibly trimmed) context. */
export function renderSystemPrompt(context: ReplyContext): string {
  const lore = (position: string) =>
    (context.lore ?? [])
      .filter((entry) => entry.depth === undefined && entry.position === position)
      .map((entry) => entry.content);
  const sections = [...lore("beforeCharacter"), renderCore(context), ...lore("afterCharacter")];
  if (context.activeScenarios.length)
    sections.push(
      ["What is going on for you:", ...context.activeScenarios.map(renderScenarioLine)].join("\n"),
    );
  if (context.lifeEvents.length)
    sections.push(["Lately in your life:", ...context.lifeEvents.map(renderLifeEventLine)].join("\n"));
  if (context.memories.length)
    sections.push(
      [`What you remember about ${context.personName}:`, ...context.memories.map(renderMemoryLine)].join(
        "\n",
      ),
    );
  if (context.earlierAlternatives?.length)
    sections.push(
      [
        "You already answered this message with the replies below; the person asked for another, so write a different one (other words, another idea):",
        ...context.earlierAlternatives.slice(-EARLIER_REPLIES_SHOWN).map(renderEarlierReply),
      ].join("\n"),
    );
  sections.push(guardInstructions(context.agent.name, context.agent.selfDescribesAsAI));
  if (crisisIn(context.personMessage)) sections.push(CRISIS_INSTRUCTION);
  return sections.join("\n\n");
}
