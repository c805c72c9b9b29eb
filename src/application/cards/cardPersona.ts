import type { PersonaInput } from "../../domain/agent/agentInputs.ts";
import type { CardText } from "../../domain/agent/cardSchemas.ts";
import { type Identity, LIMITS, type Persona } from "../../domain/agent/schemas.ts";
import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import { normalizeMacros, resolveMacros } from "../../domain/shared/macros.ts";
import { charCount, fingerprint } from "../../domain/shared/text.ts";
import { occupationInSentence } from "../prompt/occupationWording.ts";
import type { NormalizedCard } from "./cardJson.ts";
import { cutAtBoundary, firstSentences, labelledValue, listItems, sentences } from "./cardText.ts";

/**
 * A withme persona from a card that has no withme data: the description becomes the backstory
 * (and its opening the summary), a list-like personality the traits, "Likes:" lines the interests.
 * `{{char}}` is written as the name; `{{user}}` stays, for the prompt to resolve per person.
 */
export function personaFromCard(
  card: NormalizedCard,
  name: string,
): { persona: PersonaInput; warnings: string[] } {
  const warnings: string[] = [];
  const text = (value: string) =>
    normalizeMacros(resolveMacros(value, { char: name, user: "{{user}}" })).trim();
  const description = text(card.description);
  const personality = text(card.personality);
  const listed = (labelledValue(personality, ["personality", "traits"]) ?? personality).replace(
    /^[[(]?[^:\n]{0,60}\b(personality|traits)\s*[:=]\s*/i,
    "",
  );
  const traitsFromCard = personality ? listItems(listed, LIMITS.trait) : null;
  const traits = (traitsFromCard ?? []).slice(0, LIMITS.traits);
  if (traits.length === 0) {
    traits.push("true to the card");
    warnings.push("The card lists no short personality traits; edit the agent's traits.");
  }
  const prose = personality && !traitsFromCard ? `\n\nPersonality: ${personality}` : "";
  let backstory = `${description}${prose}`.trim();
  if (charCount(backstory) > LIMITS.backstory) {
    const full = charCount(backstory);
    backstory = cutAtBoundary(backstory, LIMITS.backstory);
    warnings.push(
      `The description was shortened from ${full} to ${charCount(backstory)} characters to fit the backstory.`,
    );
  }
  const summary = firstSentences(description || personality || card.scenario || name, LIMITS.summary) || name;
  const likes = labelledValue(`${description}\n${personality}`, ["likes", "interests", "hobbies", "loves"]);
  const interests = (likes ? (listItems(likes, LIMITS.interest) ?? []) : []).slice(0, LIMITS.interests);
  const speakingStyle = card.exampleMessages.trim()
    ? "Speaks as in the example exchanges."
    : "Speaks in character, as the description tells.";
  return {
    persona: { summary, traits, speakingStyle, backstory, interests, selfDescribesAsAI: false },
    warnings,
  };
}

const LOOKS =
  /\b(hair|eyes?|skin|tall|short|height|wears?|wearing|dress(es|ed)?|outfit|cloth(es|ing)|face|freckles|tattoo|body|figure|build|looks?|appearance|beard|glasses|uniform)\b/i;

/** An appearance prompt from the sentences that describe looks, else the summary. */
export function appearanceFromCard(card: NormalizedCard, name: string, summary: string): string {
  const description = resolveMacros(card.description, { char: name, user: "the viewer" });
  const labelled = labelledValue(description, ["appearance", "looks", "body", "features"]);
  const looks =
    labelled ??
    sentences(description)
      .filter((s) => LOOKS.test(s))
      .join(" ");
  const prompt = looks.trim() || `${name}. ${summary}`;
  return cutAtBoundary(prompt.replace(/\s+/g, " ").trim(), LIMITS.appearancePrompt);
}

/** The persona as a card's `description` and `personality`, for tools that know nothing of withme. */
export function personaToCardText(
  persona: Persona,
  identity: Identity,
): { description: string; personality: string } {
  const story = persona.backstory.startsWith(persona.summary)
    ? persona.backstory
    : [persona.summary, persona.backstory].filter(Boolean).join("\n\n");
  const place = [identity.homeCity, identity.country].filter(Boolean).join(", ");
  const lines = [
    story,
    `{{char}} is ${withIndefiniteArticle(occupationInSentence(identity.occupation))} living in ${place}.`,
  ];
  if (persona.interests.length > 0) lines.push(`Likes: ${persona.interests.join(", ")}.`);
  const personality = [
    persona.traits.join(", "),
    persona.speakingStyle ? `Speaking style: ${persona.speakingStyle}` : "",
  ]
    .filter(Boolean)
    .join("\n");
  return { description: lines.join("\n\n"), personality };
}

/** The same for the same persona, however its fields were ordered. */
export function personaFingerprint(persona: PersonaInput): string {
  const { summary, traits, speakingStyle, backstory, interests, selfDescribesAsAI } = persona;
  return fingerprint(
    JSON.stringify([summary, traits, speakingStyle, backstory, interests, selfDescribesAsAI ?? false]),
  );
}

/**
 * The card's `description` and `personality`: its own text while the persona read from it is
 * unchanged, else text written from the persona.
 */
export function cardTextOf(
  persona: Persona,
  identity: Identity,
  kept: CardText | undefined,
): { description: string; personality: string } {
  if (kept && kept.personaFingerprint === personaFingerprint(persona))
    return { description: kept.description, personality: kept.personality };
  return personaToCardText(persona, identity);
}
