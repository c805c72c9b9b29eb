import type { JsonObject } from "../../domain/shared/json.ts";
import { intOrNull } from "./looseSchemas.ts";
import { warningLines } from "./lorebookFields.ts";

/**
 * What a lorebook import takes otherwise than its file wrote it, so the import's warnings name
 * every such change: numbers rounded or brought within withme's limits, keys given as numbers,
 * and SillyTavern values kept as written (they export unchanged) that the prompt reads otherwise.
 */
export class ImportReadings {
  readonly #changed: string[] = [];
  readonly #keysAsText: string[] = [];
  readonly #readOtherwise: string[] = [];

  /** `value` as a whole number within `min`…`max`, naming the change when that is not what was given. */
  int(value: number | null | undefined, min: number, max: number, where: string): number | null {
    const read = intOrNull(value, min, max);
    if (read !== null && read !== value) this.#changed.push(`${where} ${value} to ${read}`);
    return read;
  }

  changed(where: string, given: string, read: string): void {
    this.#changed.push(`${where} ${given} to ${read}`);
  }

  keyAsText(where: string): void {
    this.#keysAsText.push(where);
  }

  /** Each number in a list of keys (read as text) named at `where`. */
  keysGivenAsNumbers(where: string, keys: unknown): void {
    if (!Array.isArray(keys)) return;
    keys.forEach((k, at) => {
      if (typeof k === "number") this.keyAsText(`${where} #${at + 1} (${k})`);
    });
  }

  /** SillyTavern's own entry values in `extensions` outside what SillyTavern itself writes. */
  sillyTavernValues(extensions: JsonObject, place: string): void {
    const { position, depth, probability, role } = extensions;
    if (typeof position === "number" && !(Number.isInteger(position) && position >= 0 && position <= 7))
      this.#readOtherwise.push(`${place} position ${position} as after the character`);
    if (typeof depth === "number" && !(Number.isInteger(depth) && depth >= 0))
      this.#readOtherwise.push(`${place} depth ${depth} as 4`);
    if (typeof probability === "number" && (probability < 0 || probability > 100))
      this.#readOtherwise.push(`${place} probability ${probability} as ${probability < 0 ? 0 : 100}`);
    if (typeof role === "number" && ![0, 1, 2].includes(role))
      this.#readOtherwise.push(`${place} role ${role} as system`);
  }

  warnings(): string[] {
    return [
      ...warningLines("Changed", this.#changed, [
        "value withme cannot hold as written",
        "values withme cannot hold as written",
      ]),
      ...warningLines("Took as text", this.#keysAsText, ["key given as a number", "keys given as numbers"]),
      ...warningLines("Kept", this.#readOtherwise, [
        "value outside SillyTavern's range as written, for export, read otherwise",
        "values outside SillyTavern's range as written, for export, read otherwise",
      ]),
    ];
  }
}
