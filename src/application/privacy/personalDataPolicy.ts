import {
  ERASED_TEXT,
  type ErasedValue,
  type PersonalDataDeclaration,
  personalData,
  personOf,
} from "../../domain/personalData.ts";
import type { FieldPath } from "./fieldEnvelope.ts";
import { type CompiledPath, compilePath, pathMatches } from "./personalFields.ts";

export interface CompiledField {
  path: CompiledPath;
  erased: ErasedValue;
}

interface CompiledDeclaration {
  declaration: PersonalDataDeclaration;
  fields: readonly CompiledField[];
}

/** The declarations of `src/domain/personalData.ts`, compiled for use on every append and read. */
export class PersonalDataPolicy {
  readonly #types = new Map<string, CompiledDeclaration>();

  constructor(declarations: Readonly<Record<string, PersonalDataDeclaration>>) {
    for (const [type, declaration] of Object.entries(declarations)) {
      const fields = declaration.personal
        ? declaration.fields.map((field) =>
            typeof field === "string"
              ? { path: compilePath(field), erased: ERASED_TEXT }
              : { path: compilePath(field.path), erased: field.erased },
          )
        : [];
      this.#types.set(type, { declaration, fields });
    }
  }

  isDeclared(type: string): boolean {
    return this.#types.has(type);
  }

  /** Every event type with personal fields. */
  personalTypes(): string[] {
    return [...this.#types].filter(([, compiled]) => compiled.fields.length > 0).map(([type]) => type);
  }

  /** The personal fields of an event type; none for types that hold nothing personal or are unknown. */
  fields(type: string): readonly CompiledField[] {
    return this.#types.get(type)?.fields ?? [];
  }

  /** Whose personal data this event holds, or null when it holds none. */
  personOf(type: string, streamId: string, data: unknown): string | null {
    const compiled = this.#types.get(type);
    return compiled ? personOf(compiled.declaration, type, streamId, data) : null;
  }

  /** What an encrypted field reads as once its key is gone: the declared value, else `[erased]`. */
  erasedValue(type: string, path: FieldPath): ErasedValue {
    const field = this.fields(type).find((candidate) => pathMatches(candidate.path, path));
    return field ? field.erased : ERASED_TEXT;
  }
}

export const withmePersonalData = new PersonalDataPolicy(personalData);
