import type { Row } from "./projection.ts";
import type { TablePlan } from "./tablePlans.ts";

/*
 * COPY text written straight into bytes. Values mean what they would in JSON: a missing column is
 * null (not its default), json columns get JSON text, numbers that JSON cannot hold are null. Text
 * is encoded as UTF-8 and escaped in one pass over its code units, in the buffer itself: joining a
 * row's line as a string first made a piece for every value and separator, then flattened the line
 * and copied it once more into the buffer, nearly a quarter of all that a 200,000-event rebuild
 * allocated (360 MB of 1.57 GB), which the young generation's collections then had to sweep after.
 */

const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const BACKSLASH = 92;
const NULL_FIELD = [BACKSLASH, 78]; // \N
const SPECIAL = /[\\\n\r\t]/;
const LONG = 24;

/** Where lines are written; it grows to the largest chunk and is kept for the next. */
export class CopyBuffer {
  bytes: Buffer;
  at = 0;

  constructor(size = 1 << 18) {
    this.bytes = Buffer.allocUnsafe(size);
  }

  /** Room for `count` more bytes. */
  room(count: number): void {
    if (this.at + count <= this.bytes.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.at + count));
    this.bytes.copy(larger, 0, 0, this.at);
    this.bytes = larger;
  }

  /** A column's separator (`last` false) or the line's end. */
  end(last: boolean): void {
    this.room(1);
    this.bytes[this.at++] = last ? NEWLINE : TAB;
  }

  /** A value of a column that is not json. */
  text(value: unknown): void {
    if (value === null || value === undefined) this.#null();
    else if (typeof value === "string") this.#string(value);
    else if (typeof value === "number") {
      if (Number.isFinite(value)) this.#number(value);
      else this.#null();
    } else if (typeof value === "boolean") this.#string(value ? "true" : "false");
    else this.#string(value instanceof Date ? value.toISOString() : JSON.stringify(value));
  }

  /** A value of a json or jsonb column. */
  json(value: unknown): void {
    if (value === null || value === undefined) this.#null();
    else this.#string(JSON.stringify(value));
  }

  #null(): void {
    this.room(2);
    this.bytes[this.at++] = NULL_FIELD[0]!;
    this.bytes[this.at++] = NULL_FIELD[1]!;
  }

  #number(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) {
      this.#string(String(value));
      return;
    }
    this.room(16);
    const bytes = this.bytes;
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    let rest = value;
    do {
      bytes[--at] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /** UTF-8, with backslashes, tabs, newlines and returns escaped; a lone surrogate becomes U+FFFD. */
  #string(text: string): void {
    const length = text.length;
    // A code unit takes at most three bytes (an escaped one two, a surrogate pair four for two).
    this.room(length * 3);
    const bytes = this.bytes;
    // Longer texts without characters to escape go through the runtime's own encoder, which beats
    // this loop past a few dozen characters.
    if (length > LONG && !SPECIAL.test(text)) {
      this.at += bytes.write(text, this.at);
      return;
    }
    let at = this.at;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c === BACKSLASH) {
          bytes[at++] = BACKSLASH;
          bytes[at++] = BACKSLASH;
        } else if (c === NEWLINE || c === TAB || c === RETURN) {
          bytes[at++] = BACKSLASH;
          bytes[at++] = c === NEWLINE ? 110 : c === TAB ? 116 : 114;
        } else bytes[at++] = c;
      } else if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        bytes[at++] = 0xe0 | (c >> 12);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else {
        const low = c <= 0xdbff && i + 1 < length ? text.charCodeAt(i + 1) : 0;
        if (low >= 0xdc00 && low <= 0xdfff) {
          const point = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          bytes[at++] = 0xf0 | (point >> 18);
          bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
          bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
          bytes[at++] = 0x80 | (point & 0x3f);
          i++;
        } else {
          bytes[at++] = 0xef;
          bytes[at++] = 0xbf;
          bytes[at++] = 0xbd;
        }
      }
    }
    this.at = at;
  }
}

type LineWriter = (row: Row, out: CopyBuffer) => void;
const lineWriters = new WeakMap<TablePlan, LineWriter>();

/**
 * Writes a row's COPY line, by a function made for the plan's columns that reads each column by
 * its own name: the engine then remembers where the table's rows keep each one, where a loop
 * reading `row[column]` looked every value up afresh. Column names come from the catalogue and go
 * in as string literals.
 */
export function lineWriter(plan: TablePlan): LineWriter {
  let line = lineWriters.get(plan);
  if (line === undefined) {
    const values = plan.columns.map(
      (c, i) =>
        `out.${plan.jsonColumns.has(c) ? "json" : "text"}(row[${JSON.stringify(c)}]); out.end(${i === plan.columns.length - 1});`,
    );
    line = new Function("row", "out", values.join("\n")) as LineWriter;
    lineWriters.set(plan, line);
  }
  return line;
}
