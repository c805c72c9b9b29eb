/**
 * Scripted conversations for the memory recall measurement: ten personal facts early on, more
 * than forty turns of ordinary chat (with distractors: other people's news, "living room",
 * passing moods), then ten questions that ask for the facts in other words. `key` holds the words
 * a memory line must contain to count as recalling the fact.
 */
export interface PlantedFact {
  said: string;
  key: string[];
  question: string;
}

export interface ScriptedConversation {
  person: string;
  agent: { name: string; homeCity: string; country: string; occupation: string; timezone: string };
  opening: string[];
  facts: PlantedFact[];
  chat: string[];
}

import { firstConversations } from "./firstConversations.ts";
import { laterConversations } from "./laterConversations.ts";

/** All of them; the later two were written after retrieval had been tuned on the first three. */
export const scriptedConversations: ScriptedConversation[] = [...firstConversations, ...laterConversations];
