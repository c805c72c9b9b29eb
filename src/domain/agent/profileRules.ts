import { DomainError } from "../shared/decider.ts";
import { isIntensity, isMood, type MoodState } from "../shared/mood.ts";
import { charCount, isBlank, plainName } from "../shared/text.ts";
import { canonicalTimezone, isValidTimezone } from "../shared/time.ts";
import type { IdentityInput, PersonaInput } from "./agentInputs.ts";
import { type Identity, LIMITS, type Persona } from "./schemas.ts";

/** Checks and tidies what an operator typed about an agent; each rule says no with its own reason. */

export function checkName(value: string): string {
  const name = plainName(value);
  if (isBlank(name)) throw new DomainError("AgentNameRequired", "BAD_USER_INPUT", "Give the agent a name.");
  if (charCount(name) > LIMITS.name)
    throw new DomainError(
      "AgentNameTooLong",
      "BAD_USER_INPUT",
      `Shorten the agent's name to ${LIMITS.name} characters or fewer.`,
    );
  return name;
}

export function checkPersona(input: PersonaInput): Persona {
  const field = (label: string, value: string, min: number, max: number) => {
    const text = value.trim();
    const count = isBlank(text) ? 0 : charCount(text);
    if (count < min || count > max)
      throw new DomainError(
        "PersonaInvalid",
        "BAD_USER_INPUT",
        min > 0
          ? `Give the persona's ${label} between ${min} and ${max} characters.`
          : `Shorten the persona's ${label} to ${max} characters or fewer.`,
        { field: label },
      );
    return text;
  };
  const list = (label: string, values: readonly string[], min: number, max: number, itemMax: number) => {
    if (values.length < min || values.length > max)
      throw new DomainError(
        "PersonaInvalid",
        "BAD_USER_INPUT",
        `Give the persona between ${min} and ${max} ${label}.`,
        { field: label },
      );
    return values.map((value) => field(label, value, 1, itemMax));
  };
  return {
    summary: field("summary", input.summary, 1, LIMITS.summary),
    traits: list("traits", input.traits, 1, LIMITS.traits, LIMITS.trait),
    speakingStyle: field("speaking style", input.speakingStyle, 1, LIMITS.speakingStyle),
    backstory: field("backstory", input.backstory, 0, LIMITS.backstory),
    interests: list("interests", input.interests, 0, LIMITS.interests, LIMITS.interest),
    selfDescribesAsAI: input.selfDescribesAsAI ?? false,
  };
}

export function checkIdentity(input: IdentityInput): Identity {
  if (!isValidTimezone(input.timezone))
    throw new DomainError(
      "InvalidTimezone",
      "BAD_USER_INPUT",
      `"${input.timezone}" is not a time zone; use an IANA name such as Asia/Tokyo.`,
    );
  const place = (label: string, value: string) => {
    const text = value.trim();
    if (isBlank(text) || charCount(text) > LIMITS.place)
      throw invalidIdentity(`Give the ${label} between 1 and ${LIMITS.place} characters.`, label);
    return text;
  };
  const { latitude } = input;
  if (latitude !== undefined && !(Number.isFinite(latitude) && latitude >= -90 && latitude <= 90))
    throw invalidIdentity("Give a latitude between -90 and 90 degrees.", "latitude");
  const fromLatitude = latitude === undefined ? undefined : latitude < 0 ? "south" : "north";
  if (input.hemisphere && fromLatitude && input.hemisphere !== fromLatitude && latitude !== 0)
    throw invalidIdentity("The hemisphere contradicts the latitude; fix one of them.", "hemisphere");
  const identity: Identity = {
    homeCity: place("home city", input.homeCity),
    occupation: place("occupation", input.occupation),
    timezone: canonicalTimezone(input.timezone),
    hemisphere: input.hemisphere ?? fromLatitude ?? "north",
  };
  if (input.country !== undefined) identity.country = place("country", input.country);
  if (latitude !== undefined) identity.latitude = latitude;
  return identity;
}

export function checkAppearancePrompt(value: string): string {
  const prompt = value.trim();
  if (isBlank(prompt) || charCount(prompt) > LIMITS.appearancePrompt)
    throw new DomainError(
      "AppearancePromptInvalid",
      "BAD_USER_INPUT",
      `Describe the agent's appearance in 1 to ${LIMITS.appearancePrompt} characters.`,
    );
  return prompt;
}

export function checkMoodState(value: MoodState, reason = "MoodBaselineInvalid"): MoodState {
  if (!isMood(value.mood) || !isIntensity(value.intensity))
    throw new DomainError(reason, "BAD_USER_INPUT", "Pick a known mood and an intensity between 0 and 1.");
  return { mood: value.mood, intensity: value.intensity };
}

export function checkReason(value: string, reason: string, what: string): string {
  const text = value.trim();
  if (text.length === 0 || charCount(text) > LIMITS.reason)
    throw new DomainError(reason, "BAD_USER_INPUT", `Give ${what} in 1 to ${LIMITS.reason} characters.`);
  return text;
}

export function samePersona(a: Persona, b: Persona): boolean {
  const sameList = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.summary === b.summary &&
    sameList(a.traits, b.traits) &&
    a.speakingStyle === b.speakingStyle &&
    a.backstory === b.backstory &&
    sameList(a.interests, b.interests) &&
    a.selfDescribesAsAI === b.selfDescribesAsAI
  );
}

export function sameIdentity(a: Identity, b: Identity): boolean {
  const keys = ["homeCity", "country", "occupation", "timezone", "latitude", "hemisphere"] as const;
  return keys.every((key) => a[key] === b[key]);
}

function invalidIdentity(message: string, field: string): DomainError {
  return new DomainError("IdentityInvalid", "BAD_USER_INPUT", message, { field });
}
