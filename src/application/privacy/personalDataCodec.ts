import { assertNever } from "../../domain/shared/decider.ts";
import {
  DataKeyMissingError,
  type DataKeyStanding,
  type DataKeyStore,
  SubjectErasedError,
} from "../../ports/dataKeys.ts";
import { mapInSlices } from "../snapshots/steppedWork.ts";
import { cipherFor } from "./fieldCipher.ts";
import { type Envelope, type FieldPath, isEnvelope } from "./fieldEnvelope.ts";
import type { PersonalDataPolicy } from "./personalDataPolicy.ts";
import { collectEnvelopeSubjects, mapAtPath, mapEnvelopes } from "./personalFields.ts";

export interface EventData {
  id: string;
  type: string;
  data: unknown;
}

/** What sealing did to one event: encrypted its fields, replaced them with the erased value, or nothing. */
export interface Sealed {
  data: unknown;
  outcome: "encrypted" | "redacted" | "unchanged";
  fields: number;
}

/**
 * Encrypts the personal fields of events with their person's key, and opens them again. Reading
 * does not depend on the declarations: any envelope is opened wherever it is, so events written
 * under an older classification stay readable, and plaintext written before encryption reads as is.
 */
export class PersonalDataCodec {
  readonly #keys: DataKeyStore;
  readonly #policy: PersonalDataPolicy;

  constructor(keys: DataKeyStore, policy: PersonalDataPolicy) {
    this.#keys = keys;
    this.#policy = policy;
  }

  /**
   * The event's data with its personal plaintext encrypted. A person who was erased gets nothing
   * new stored: `refuse` throws `SubjectErasedError`, `redact` stores the erased value instead.
   */
  async seal(
    streamId: string,
    event: EventData,
    whenErased: "refuse" | "redact" = "refuse",
    found: { person: string | null; fields: number } = this.plaintext(streamId, event),
  ): Promise<Sealed> {
    const fields = this.#policy.fields(event.type);
    const { person, fields: plaintext } = found;
    if (person === null || plaintext === 0) return { data: event.data, outcome: "unchanged", fields: 0 };
    let seal: (value: unknown, path: FieldPath, erased: unknown) => unknown;
    let outcome: Sealed["outcome"] = "encrypted";
    try {
      const cipher = cipherFor(await this.#keys.keyFor(person));
      seal = (value, path) => cipher.seal(event.id, path, value);
    } catch (error) {
      if (!(error instanceof SubjectErasedError) || whenErased === "refuse") throw error;
      seal = (_value, _path, erased) => erased;
      outcome = "redacted";
    }
    let data = event.data;
    for (const field of fields) {
      data = mapAtPath(data, field.path, (value, path) =>
        needsSealing(value, field.erased) ? seal(value, path, field.erased) : value,
      );
    }
    return { data, outcome, fields: plaintext };
  }

  /** Whose personal fields an event holds, and how many of them are still plaintext. */
  plaintext(streamId: string, event: EventData): { person: string | null; fields: number } {
    const fields = this.#policy.fields(event.type);
    if (fields.length === 0) return { person: null, fields: 0 };
    const person = this.#policy.personOf(event.type, streamId, event.data);
    if (person === null) return { person: null, fields: 0 };
    let count = 0;
    for (const field of fields) {
      mapAtPath(event.data, field.path, (value) => {
        if (needsSealing(value, field.erased)) count += 1;
        return value;
      });
    }
    return { person, fields: count };
  }

  /**
   * The events with every encrypted field opened, or set to its erased value when the key is gone.
   * The keys are looked up at once (a key neither there nor erased throws here); `on first use`
   * leaves an event's decryption until its `data` is first read, for bulk reads whose readers pass
   * over most events' types.
   */
  async open<E extends EventData>(events: readonly E[], when: "now" | "on first use" = "now"): Promise<E[]> {
    const subjects = new Set<string>();
    const sealed = new Array<boolean>(events.length);
    for (let i = 0; i < events.length; i++) sealed[i] = collectEnvelopeSubjects(events[i]!.data, subjects);
    if (subjects.size === 0) return events as E[];
    const standings = await this.#keys.standings([...subjects]);
    const openers = new Map<string, FieldOpener>();
    for (const subject of subjects) openers.set(subject, this.#openerFor(subject, standings.get(subject)));
    // A long history (tens of thousands of events) is opened with pauses for other work.
    return mapInSlices(events, (event, i) => {
      if (!sealed[i]) return event;
      const open = () =>
        mapEnvelopes(event.data, (envelope, path) => openers.get(envelope.kid)!(event, envelope, path));
      return when === "now" ? { ...event, data: open() } : openedOnFirstUse(event, open);
    });
  }

  /** How one subject's envelopes open: with their key, or to the erased value once it is gone. */
  #openerFor(subject: string, standing: DataKeyStanding = { state: "none" }): FieldOpener {
    switch (standing.state) {
      case "key": {
        const cipher = cipherFor(standing.key);
        return (event, envelope, path) => cipher.open(event.id, path, envelope);
      }
      case "erased":
        return (event, _envelope, path) => this.#policy.erasedValue(event.type, path);
      case "none":
        throw new DataKeyMissingError(subject);
      default:
        return assertNever(standing);
    }
  }
}

type FieldOpener = (event: EventData, envelope: Envelope, path: FieldPath) => unknown;

/** A copy of the event whose `data` is opened when first read, and kept. */
function openedOnFirstUse<E extends EventData>(event: E, open: () => unknown): E {
  return new OpenedOnFirstUse(event, open) as unknown as E;
}

// One accessor pair shared by every such copy, so that they keep one shape with fast properties
// (an object literal with its own getter per event becomes a slow dictionary).
const openedData: PropertyDescriptor = {
  get(this: OpenedOnFirstUse) {
    return this.opened();
  },
  set(this: OpenedOnFirstUse, value: unknown) {
    this.replace(value);
  },
  enumerable: true,
  configurable: true,
};

class OpenedOnFirstUse {
  #open: (() => unknown) | null;
  #data: unknown;

  constructor(event: EventData, open: () => unknown) {
    this.#open = open;
    // The event's own keys in their order, `data` among them, as a spread copy would have them.
    for (const key in event) {
      if (key === "data") Object.defineProperty(this, "data", openedData);
      else (this as Record<string, unknown>)[key] = (event as unknown as Record<string, unknown>)[key];
    }
  }

  opened(): unknown {
    if (this.#open) {
      this.#data = this.#open();
      this.#open = null;
    }
    return this.#data;
  }

  replace(value: unknown): void {
    this.#data = value;
    this.#open = null;
  }
}

/** Plaintext that says something: the erased value itself tells nothing (and stays as it is once redacted). */
function needsSealing(value: unknown, erased: unknown): boolean {
  return value !== null && value !== undefined && value !== erased && !isEnvelope(value);
}
