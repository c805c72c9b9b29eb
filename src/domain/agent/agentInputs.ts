import type { Weekday } from "../shared/time.ts";
import type { Hemisphere } from "./schemas.ts";

/** What an operator or a card gives for an agent's persona, identity and scenario windows. */

export interface PersonaInput {
  summary: string;
  traits: readonly string[];
  speakingStyle: string;
  backstory: string;
  interests: readonly string[];
  selfDescribesAsAI?: boolean;
}

/** Without a hemisphere, the sign of the latitude decides it (north when neither is given). */
export interface IdentityInput {
  homeCity: string;
  country?: string;
  occupation: string;
  timezone: string;
  latitude?: number;
  hemisphere?: Hemisphere;
}

/** Weekly days in any order (repeats are dropped); a one-off window by its two instants. */
export type ScenarioWindowInput =
  | { kind: "weekly"; days: readonly Weekday[]; start: string; end: string }
  | { kind: "once"; startsAt: string; endsAt: string };
