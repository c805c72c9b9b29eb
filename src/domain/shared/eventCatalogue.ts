import type { z } from "zod";
import type { DomainEvent } from "./decider.ts";
import { compileShapeCheck, type ShapeCheck } from "./shapeCheck.ts";

/** Upgrades `data` written at version `from` to version `from + 1`. */
export type Upcaster = (data: unknown) => unknown;

export interface EventDefinition<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  type: Type;
  version: number;
  schema: Schema;
  upcasters: Readonly<Record<number, Upcaster>>;
}

export function defineEvent<Type extends string, Schema extends z.ZodType>(
  type: Type,
  schema: Schema,
  options: { version?: number; upcasters?: Record<number, Upcaster> } = {},
): EventDefinition<Type, Schema> {
  return { type, schema, version: options.version ?? 1, upcasters: options.upcasters ?? {} };
}

/** The event type a definition describes, as the deciders see it. */
export type EventOf<D> = D extends EventDefinition<infer T, infer S> ? DomainEvent<T, z.output<S>> : never;

export class UnknownEventTypeError extends Error {
  constructor(type: string) {
    super(`unknown event type ${type}`);
    this.name = "UnknownEventTypeError";
  }
}

export class InvalidEventError extends Error {
  constructor(type: string, version: number, issues: string) {
    super(`event ${type} v${version} does not match its schema: ${issues}`);
    this.name = "InvalidEventError";
  }
}

/** Every event type withme knows: validates what is written and upcasts what is read. */
export class EventCatalogue {
  readonly #definitions = new Map<string, EventDefinition>();
  readonly #shapeChecks = new Map<string, ShapeCheck | undefined>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const definition of definitions) {
      if (this.#definitions.has(definition.type))
        throw new Error(`event type ${definition.type} defined twice`);
      this.#definitions.set(definition.type, definition);
    }
  }

  has(type: string): boolean {
    return this.#definitions.has(type);
  }

  types(): string[] {
    return [...this.#definitions.keys()];
  }

  currentVersion(type: string): number {
    return this.#definition(type).version;
  }

  /** Checks an event about to be written; returns its data as the schema outputs it. */
  validate(event: DomainEvent): unknown {
    const definition = this.#definition(event.type);
    return this.#parse(definition, definition.version, event.data);
  }

  /** Reads stored data of any older version into the current shape. */
  parse(type: string, version: number, data: unknown): DomainEvent {
    const definition = this.#definition(type);
    return { type, data: this.#parse(definition, version, this.#upcast(definition, version, data)) };
  }

  /**
   * Reads data this catalogue validated when it was written, as `parse` does, but checks only its
   * shape (types, keys, enum values) where the schema allows, not the refinements it passed then.
   * Data of the wrong shape goes through the full schema, which names what is wrong; so does data
   * written at an older version, which the current schema never saw.
   */
  parseStored(type: string, version: number, data: unknown): DomainEvent {
    const definition = this.#definition(type);
    const current = this.#upcast(definition, version, data);
    if (version === definition.version && this.#shapeCheck(definition)?.(current))
      return { type, data: current };
    return { type, data: this.#parse(definition, version, current) };
  }

  #upcast(definition: EventDefinition, version: number, data: unknown): unknown {
    let current = data;
    for (let v = version; v < definition.version; v++) {
      const upcast = definition.upcasters[v];
      if (!upcast) throw new InvalidEventError(definition.type, version, `no upcaster from version ${v}`);
      current = upcast(current);
    }
    return current;
  }

  #shapeCheck(definition: EventDefinition): ShapeCheck | undefined {
    if (!this.#shapeChecks.has(definition.type))
      this.#shapeChecks.set(definition.type, compileShapeCheck(definition.schema));
    return this.#shapeChecks.get(definition.type);
  }

  #definition(type: string): EventDefinition {
    const definition = this.#definitions.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    return definition;
  }

  #parse(definition: EventDefinition, version: number, data: unknown): unknown {
    const result = definition.schema.safeParse(data);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join(".") || "data"}: ${i.message}`).join("; ");
      throw new InvalidEventError(definition.type, version, issues);
    }
    return result.data;
  }
}
