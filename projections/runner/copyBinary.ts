import type { CopyBuffer } from "./copyEncoding.ts";
import { isoMs } from "./isoTimestamps.ts";
import type { Row } from "./projection.ts";
import type { TablePlan } from "./tablePlans.ts";

/*
 * COPY in PostgreSQL's binary format, for tables whose every column has a type written here: the
 * server then neither splits lines nor parses each value's text (timestamps cost it most), which
 * was a third of its COPY time once the rows kept no index. A value is written in binary only when
 * the text it would otherwise be sent as (`CopyBuffer.text`) reads back as exactly that value;
 * for any other (a timestamp with an offset, a fraction in an int column) the writer says no and
 * the rows from there on go as text, so what is stored never depends on the format.
 */

/** The header: signature, flags, and the length of an extension area that is empty. */
export const BINARY_HEADER = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
/** The field count -1 that ends the data. */
export const BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01). */
const POSTGRES_EPOCH_MS = 946_684_800_000;

type ValueWriter = (value: unknown, out: CopyBuffer) => boolean;

/**
 * A 32-bit big-endian integer at `at`, byte by byte (each store keeps the low eight bits); returns
 * the offset after it. `Buffer.writeInt32BE` checks its arguments first, and this runs several
 * times per row.
 */
function putInt32(bytes: Buffer, at: number, value: number): number {
  bytes[at] = value >>> 24;
  bytes[at + 1] = value >>> 16;
  bytes[at + 2] = value >>> 8;
  bytes[at + 3] = value;
  return at + 4;
}

function writeNull(out: CopyBuffer): void {
  out.room(4);
  out.at = putInt32(out.bytes, out.at, -1);
}

/** Texts this long or shorter are copied code unit by code unit while they are ASCII: the runtime's encoder costs more to call. */
const SHORT = 24;

/** A length-prefixed UTF-8 text; a lone surrogate becomes U+FFFD, as in the text format. */
function writeText(text: string, out: CopyBuffer, prefix?: number): void {
  const length = text.length;
  out.room(length * 3 + 5);
  const bytes = out.bytes;
  const start = out.at;
  let at = start + 4;
  if (prefix !== undefined) bytes[at++] = prefix;
  let i = 0;
  if (length <= SHORT) {
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[at++] = c;
    }
  }
  if (i < length) at += bytes.write(i === 0 ? text : text.slice(i), at);
  putInt32(bytes, start, at - start - 4);
  out.at = at;
}

/** An int8 field; a double holds every whole number below 2^53 exactly, past that BigInt does. */
function writeInt64(value: number, out: CopyBuffer): void {
  out.room(12);
  const bytes = out.bytes;
  let at = putInt32(bytes, out.at, 8);
  if (Number.isSafeInteger(value)) {
    const high = Math.floor(value / 2 ** 32);
    at = putInt32(bytes, at, high);
    at = putInt32(bytes, at, value - high * 2 ** 32);
  } else at = bytes.writeBigInt64BE(BigInt(value), at);
  out.at = at;
}

const writers: Record<string, ValueWriter> = {
  text: (value, out) => {
    if (typeof value === "string") writeText(value, out);
    else if (typeof value === "number") {
      if (Number.isFinite(value)) writeText(String(value), out);
      else writeNull(out);
    } else if (typeof value === "boolean") writeText(value ? "true" : "false", out);
    else writeText(value instanceof Date ? value.toISOString() : JSON.stringify(value), out);
    return true;
  },
  integer: (value, out) => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31)
      return false;
    out.room(8);
    out.at = putInt32(out.bytes, putInt32(out.bytes, out.at, 4), value);
    return true;
  },
  bigint: (value, out) => {
    if (typeof value !== "number" || !Number.isSafeInteger(value)) return false;
    writeInt64(value, out);
    return true;
  },
  // As text a number goes as its shortest round-trip digits, which read back as the same double,
  // except that -0 reads as 0 and what is not finite as null.
  "double precision": (value, out) => {
    if (typeof value !== "number") return false;
    if (!Number.isFinite(value)) writeNull(out);
    else {
      out.room(12);
      out.at = putInt32(out.bytes, out.at, 8);
      out.at = out.bytes.writeDoubleBE(value + 0, out.at);
    }
    return true;
  },
  boolean: (value, out) => {
    if (typeof value !== "boolean") return false;
    out.room(5);
    out.at = putInt32(out.bytes, out.at, 1);
    out.bytes[out.at++] = value ? 1 : 0;
    return true;
  },
  "timestamp with time zone": (value, out) => {
    const ms =
      value instanceof Date ? value.getTime() : typeof value === "string" ? isoMs(value) : Number.NaN;
    if (!Number.isFinite(ms)) return false;
    const micros = (ms - POSTGRES_EPOCH_MS) * 1000;
    if (Number.isSafeInteger(micros)) writeInt64(micros, out);
    else {
      out.room(12);
      out.at = putInt32(out.bytes, out.at, 8);
      out.at = out.bytes.writeBigInt64BE(BigInt(ms - POSTGRES_EPOCH_MS) * 1000n, out.at);
    }
    return true;
  },
  json: (value, out) => {
    writeText(JSON.stringify(value), out);
    return true;
  },
  // jsonb's binary form is a version byte before the JSON text.
  jsonb: (value, out) => {
    writeText(JSON.stringify(value), out, 1);
    return true;
  },
};

/** Writes a row as one binary tuple; false (and nothing written) when a value has to go as text. */
export type BinaryRowWriter = (row: Row, out: CopyBuffer) => boolean;

const rowWriters = new WeakMap<TablePlan, BinaryRowWriter | null>();

/**
 * The plan's binary row writer, or null when a column's type is not written in binary here. Made
 * for the plan's columns like the text line writer (`lineWriter`): each column read by its own
 * name, which the engine resolves once per row shape instead of looking each value up afresh.
 */
export function binaryRowWriter(plan: TablePlan): BinaryRowWriter | null {
  let writer = rowWriters.get(plan);
  if (writer !== undefined) return writer;
  const columnWriters = plan.types?.map((type) => writers[type]);
  if (!columnWriters || columnWriters.length === 0 || columnWriters.some((w) => w === undefined))
    writer = null;
  else {
    const fields = plan.columns.map(
      (c, i) => `v = row[${JSON.stringify(c)}];
        if (v === null || v === undefined) writeNull(out);
        else if (!w[${i}](v, out)) { out.at = start; return false; }`,
    );
    writer = new Function(
      "w",
      "writeNull",
      `return function (row, out) {
        const start = out.at;
        out.room(2);
        out.at = out.bytes.writeInt16BE(${plan.columns.length}, out.at);
        let v;
        ${fields.join("\n")}
        return true;
      };`,
    )(columnWriters, writeNull) as BinaryRowWriter;
  }
  rowWriters.set(plan, writer);
  return writer;
}
