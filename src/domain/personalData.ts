import type { WithmeEventType } from "./catalogue.ts";

/**
 * Which fields of each event hold a person's own words or details, and whose they are. Those
 * fields are stored encrypted with that person's data key; once the key is destroyed they read as
 * their `erased` value, which still passes the event's schema. Every event type is classified
 * here, so a new event cannot be stored without someone deciding what in it is personal.
 */

/** What a personal text field reads as after its person was erased. */
export const ERASED_TEXT = "[erased]";

export type ErasedValue = string | null;

/**
 * A path into the event's data: `text`, `keys.p256dh`; `facts[]` is each element of an array (so
 * an erased array keeps its length), `items[].text` a field of each element.
 */
export type PersonalField = string | { path: string; erased: ErasedValue };

/**
 * Whose data it is:
 * - `user`: the person of the stream `user-<userId>`;
 * - `conversation`: the person of the stream `conversation-<userId>-<agentId>`;
 * - `{ field }`: the person a field of the data names; when it is absent nothing is personal
 *   (an agent's base portrait job has no person).
 */
export type PersonOf = "user" | "conversation" | { field: string };

export type PersonalDataDeclaration =
  | { personal: false }
  | { personal: true; person: PersonOf; fields: readonly PersonalField[] };

const notPersonal = { personal: false } as const;

const inConversation = (...fields: PersonalField[]): PersonalDataDeclaration => ({
  personal: true,
  person: "conversation",
  fields,
});

const ofUser = (...fields: PersonalField[]): PersonalDataDeclaration => ({
  personal: true,
  person: "user",
  fields,
});

export const personalData = {
  // user-<userId>
  UserRegistered: ofUser("subject", "displayName"),
  UserProfileUpdated: ofUser(
    "displayName",
    { path: "timezone", erased: null },
    { path: "quietHours", erased: null },
  ),
  PushSubscriptionRegistered: ofUser("endpoint", "keys.p256dh", "keys.auth"),
  PushSubscriptionRemoved: ofUser("endpoint"),
  AccountDeletionRequested: notPersonal,
  AccountDeletionCancelled: notPersonal,
  PersonErased: notPersonal,

  // agent-<agentId>: written by operators about the agent, never about a person.
  AgentCreated: notPersonal,
  AgentRenamed: notPersonal,
  AgentPersonaUpdated: notPersonal,
  AgentIdentityUpdated: notPersonal,
  AgentAppearanceUpdated: notPersonal,
  AgentBasePortraitSet: notPersonal,
  ScenarioAdded: notPersonal,
  ScenarioRetired: notPersonal,
  AgentLifeEventOccurred: notPersonal,
  AgentMoodBaselineDrifted: notPersonal,
  AgentArchived: notPersonal,
  AgentUnarchived: notPersonal,
  AgentGreetingsUpdated: notPersonal,
  AgentStyleExamplesUpdated: notPersonal,
  AgentPromptPartsUpdated: notPersonal,
  AgentCardDetailsUpdated: notPersonal,
  AgentLorebookAttached: notPersonal,
  AgentLorebookDetached: notPersonal,

  // lorebook-<id>: world information written by operators or cards, about no person.
  LorebookCreated: notPersonal,
  LorebookDetailsUpdated: notPersonal,
  LorebookEntryAdded: notPersonal,
  LorebookEntryUpdated: notPersonal,
  LorebookEntryRemoved: notPersonal,
  LorebookDeleted: notPersonal,

  // conversation-<userId>-<agentId>: everything said, and what the agent made of it.
  // An imported chat's header names the person and may hold their notes (`chat_metadata`).
  ConversationStarted: inConversation("importedHeader.userName", "importedHeader.characterName", {
    path: "importedHeader.chatMetadata",
    erased: "{}",
  }),
  UserMessageSent: inConversation("text"),
  AgentReplyStarted: notPersonal,
  AgentReplyCompleted: inConversation("text"),
  AgentReplyFailed: notPersonal,
  MoodShifted: inConversation("reason"),
  AffinityChanged: inConversation("reason"),
  ImageRequestGranted: inConversation("scenePrompt"),
  ImageRequestDeclined: notPersonal,
  MemorySummarized: inConversation("summary", "facts[]"),
  AgentInitiatedMessage: inConversation("text"),
  ActivePathChanged: notPersonal,
  MessageHidden: notPersonal,
  MessageUnhidden: notPersonal,
  MemoryFactRecorded: inConversation("text", "quote"),
  MemoryFactCorrected: inConversation("text"),
  MemoryFactForgotten: notPersonal,
  MemorySummariesWithdrawn: notPersonal,

  // imagejob-<id>: a selfie's prompt comes from the person's request; later steps carry no text of theirs.
  ImageJobRequested: { personal: true, person: { field: "userId" }, fields: ["prompt"] },
  ImageJobSubmitted: notPersonal,
  ImageJobProgressed: notPersonal,
  ImageJobSucceeded: notPersonal,
  ImageJobRetryScheduled: notPersonal,
  ImageJobFailed: notPersonal,
} as const satisfies Record<WithmeEventType, PersonalDataDeclaration>;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person of `conversation-<userId>-<agentId>`. User ids are uuids (derived from the sign-in),
 * so the user id is the leading uuid; an id without dashes (as in tests) ends at the first dash.
 */
export function conversationPerson(streamId: string): string | null {
  if (!streamId.startsWith("conversation-")) return null;
  const rest = streamId.slice("conversation-".length);
  const uuid = rest.slice(0, 36);
  if (UUID_PATTERN.test(uuid) && rest[36] === "-" && rest.length > 37) return uuid;
  const dash = rest.indexOf("-");
  return dash > 0 && dash < rest.length - 1 ? rest.slice(0, dash) : null;
}

/** The person of `user-<userId>`. */
export function streamUser(streamId: string): string | null {
  return streamId.startsWith("user-") && streamId.length > "user-".length
    ? streamId.slice("user-".length)
    : null;
}

export class PersonUnknownError extends Error {
  constructor(type: string, streamId: string) {
    super(`${type} holds personal data, but stream ${streamId} does not say whose`);
    this.name = "PersonUnknownError";
  }
}

/**
 * Whose personal data an event holds, or null when it holds none. Throws when the event is
 * personal by kind but its stream does not name a person: storing it in plaintext would be wrong.
 */
export function personOf(
  declaration: PersonalDataDeclaration,
  type: string,
  streamId: string,
  data: unknown,
): string | null {
  if (!declaration.personal) return null;
  const person = declaration.person;
  if (typeof person === "object") {
    const value = data !== null && typeof data === "object" ? Reflect.get(data, person.field) : undefined;
    return typeof value === "string" && value !== "" ? value : null;
  }
  const found = person === "user" ? streamUser(streamId) : conversationPerson(streamId);
  if (found === null) throw new PersonUnknownError(type, streamId);
  return found;
}
