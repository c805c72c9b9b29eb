import type { Availability } from "../../domain/agent/availability.ts";
import type { LoreRole } from "../../domain/lorebook/decorators.ts";
import type { EntryPosition } from "../../domain/lorebook/schemas.ts";
import type { FactKind } from "../memory/factKinds.ts";

/**
 * A lorebook entry in the prompt: beside the character in the system message (`position`), or,
 * with a `depth`, a message of its own `depth` messages from the end of the chat, as `role`.
 */
export interface LoreInPrompt {
  content: string;
  position: EntryPosition;
  depth?: number;
  role?: LoreRole;
}

import type { PartOfDay } from "../../domain/shared/time.ts";

export type { PartOfDay } from "../../domain/shared/time.ts";

/**
 * Everything about one turn in structured form, from which the prompt's messages are rendered:
 * what a chat model reads as text, and what the offline persona engine composes its reply from.
 */
export interface ReplyContext {
  agent: {
    name: string;
    summary: string;
    traits: readonly string[];
    speakingStyle: string;
    backstory: string;
    interests: readonly string[];
    selfDescribesAsAI: boolean;
    /** How the agent looks, as its portraits are drawn ("short black hair, round glasses"). */
    appearance?: string;
  };
  identity: { homeCity: string; country: string; occupation: string; timezone: string };
  localTime: {
    /** e.g. "Tuesday 21:40" in the agent's timezone. */
    label: string;
    weekday: string;
    /** Local calendar date, YYYY-MM-DD. */
    date: string;
    hour: number;
    minute: number;
    partOfDay: PartOfDay;
  };
  weather: { season: string; condition: string; temperatureC: number; phrase: string };
  mood: { name: string; intensity: number };
  /** −100 (hostile) … 100 (devoted), toward this person. */
  affinity: number;
  availability: Availability;
  /**
   * The agent wrote in this conversation earlier in the busy or sleeping stretch it is in now: it
   * has said it is busy, or that it was woken, already.
   */
  stretchGoesOn?: boolean;
  activeScenarios: readonly { title: string; description: string }[];
  lifeEvents: readonly { at: string; summary: string }[];
  /**
   * A summary only informs the reply; a fact may be brought up (in the agent's own words). A fact
   * says what it is about (`factKind`), which its wording alone may not ("Kay is a vet": work).
   */
  memories: readonly ContextMemory[];
  /** Events the person told of with a time ("an exam on friday") that are over now, lately. */
  eventsOver?: readonly { text: string; overAt: string }[];
  /** The conversation before the message being answered, oldest first. */
  recentMessages: readonly {
    author: "person" | "agent";
    text: string;
    at: string;
    /** The person's words told a fact they have since had the agent forget or correct. */
    superseded?: "forgotten" | "corrected";
  }[];
  personName: string;
  /** The name the person asked to be called ("I'm Nora"), when it differs from their profile's. */
  calledName?: string | null;
  /** The person's own wall clock, from the time zone in their profile; absent when they set none. */
  personLocalTime?: { label: string; hour: number; partOfDay: PartOfDay } | null;
  /** The message being answered. */
  personMessage: string;
  /**
   * Replies already shown in this one's place: the others to the same message (a regeneration)
   * and those to the messages an edit stands beside. The new reply says something else.
   */
  earlierAlternatives?: readonly string[];
  /** Lorebook entries the conversation's words brought in, in prompt order; within their books' budgets. */
  lore?: readonly LoreInPrompt[];
}

export interface ContextMemory {
  id: string;
  text: string;
  score: number;
  kind?: "fact" | "summary";
  factKind?: FactKind | null;
}
