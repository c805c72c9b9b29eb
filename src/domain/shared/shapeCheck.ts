import type { z } from "zod";

/**
 * A check of a value's shape against a zod schema, without the schema's refinements (string
 * formats, lengths, ranges, custom checks): for data the catalogue validated when it was written.
 * It answers true only where the schema would output the value unchanged (no defaults to fill in,
 * no unknown keys to strip), so the value can stand for the schema's output.
 */
export type ShapeCheck = (value: unknown) => boolean;

interface SchemaDef {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

const INTEGER_FORMATS = new Set(["safeint", "int32", "uint32"]);

/** Compiles a schema into a shape check, or returns undefined where the schema has parts it cannot check. */
export function compileShapeCheck(schema: z.ZodType): ShapeCheck | undefined {
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  switch (def.type) {
    case "string":
      return (value) => typeof value === "string";
    case "number":
      return def.format && INTEGER_FORMATS.has(def.format)
        ? (value) => Number.isSafeInteger(value)
        : (value) => typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return (value) => typeof value === "boolean";
    case "null":
      return (value) => value === null;
    case "enum": {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (value) => allowed.has(value);
    }
    case "literal": {
      const allowed = new Set(def.values ?? []);
      return (value) => allowed.has(value);
    }
    case "nullable": {
      const inner = compileShapeCheck(def.innerType!);
      return inner && ((value) => value === null || inner(value));
    }
    case "optional": {
      const inner = compileShapeCheck(def.innerType!);
      return inner && ((value) => value === undefined || inner(value));
    }
    case "default": {
      // A missing value takes the default: that is the schema's work, not a check's.
      const inner = compileShapeCheck(def.innerType!);
      return inner && ((value) => value !== undefined && inner(value));
    }
    case "array": {
      const element = compileShapeCheck(def.element!);
      return element && ((value) => Array.isArray(value) && value.every(element));
    }
    case "union": {
      const options = (def.options ?? []).map(compileShapeCheck);
      if (options.some((option) => option === undefined)) return undefined;
      const checks = options as ShapeCheck[];
      return (value) => checks.some((check) => check(value));
    }
    case "record":
      return compileRecord(def);
    case "object":
      return compileObject(def);
    default:
      return undefined;
  }
}

function compileRecord(def: SchemaDef): ShapeCheck | undefined {
  const key = compileShapeCheck(def.keyType!);
  const item = compileShapeCheck(def.valueType!);
  if (!key || !item) return undefined;
  return (value) => isPlainObject(value) && Object.entries(value).every(([k, v]) => key(k) && item(v));
}

function compileObject(def: SchemaDef): ShapeCheck | undefined {
  // A catch-all keeps or rejects unknown keys in ways a plain check does not copy.
  if (def.catchall) return undefined;
  const fields: [string, ShapeCheck, boolean][] = [];
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const check = compileShapeCheck(field);
    if (!check) return undefined;
    const type = (field as unknown as { _zod: { def: SchemaDef } })._zod.def.type;
    fields.push([key, check, type === "optional"]);
  }
  // No unknown key when the value has as many keys as it has known ones: counting them costs less
  // than looking each key up in a set (every stored event's data goes through here in a rebuild).
  // A known key found only on the prototype is counted but not among the value's own: a mismatch,
  // which sends the value through the full schema. Each key is read by its own name in code made
  // for the schema, which the engine resolves once per shape of data: looked up by a variable
  // name, every read of every event's data went the generic way.
  const body = fields.map(([key, , optional], i) => {
    const name = JSON.stringify(key);
    const missing = optional ? "" : "return false;";
    return `if (!(${name} in value)) { ${missing} } else if (checks[${i}](value[${name}])) present++; else return false;`;
  });
  return new Function(
    "checks",
    "isPlainObject",
    `return function (value) {
      if (!isPlainObject(value)) return false;
      let present = 0;
      ${body.join("\n")}
      let keys = 0;
      for (const _ in value) keys++;
      return keys === present;
    };`,
  )(
    fields.map(([, check]) => check),
    isPlainObject,
  ) as ShapeCheck;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
