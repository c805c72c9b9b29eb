import type { TurnKind } from "../../../../src/application/persona/personaReading.ts";
import type { ChatLanguage } from "./replyLanguage.ts";

/** One thing the person says, labelled with what kind of turn it is. */
export interface DialogueTurn {
  say: string;
  kind: TurnKind;
  /** For a question about a planted fact: words of which the reply must name one. */
  recalls?: readonly string[];
  /** Words a fitting reply holds, beyond what its kind asks (a hug met as a hug, a joke told). */
  fits?: RegExp;
  /** Days that pass before this turn is sent, beyond the few minutes between turns. */
  daysLater?: number;
}

/** A scripted conversation between a person and an agent, written for scoring the offline engine. */
export interface Dialogue {
  person: string;
  /** The language the person writes in, when not English: replies are to be in it too. */
  language?: ChatLanguage;
  /** The person's time zone from their profile; null when they set none. */
  personTimezone: string | null;
  agent: {
    name: string;
    homeCity: string;
    country: string;
    occupation: string;
    timezone: string;
    interests: readonly string[];
    summary: string;
    backstory: string;
  };
  /** When the first turn is sent (ISO); each later one follows a few minutes after. */
  startsAt: string;
  turns: readonly DialogueTurn[];
}

export const turn = (say: string, kind: TurnKind, recalls?: readonly string[]): DialogueTurn =>
  recalls ? { say, kind, recalls } : { say, kind };

/** A turn whose reply must also hold what `fits` matches. */
export const fitTurn = (
  say: string,
  kind: TurnKind,
  fits: RegExp,
  recalls?: readonly string[],
): DialogueTurn => (recalls ? { say, kind, fits, recalls } : { say, kind, fits });

/** A turn sent some days after the one before it. */
export const daysLater = (days: number, later: DialogueTurn): DialogueTurn => ({ ...later, daysLater: days });
