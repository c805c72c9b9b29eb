/** Length as a person counts it: code points, so an emoji is one character. */
export function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Characters that show nothing on their own: white space, controls, format characters (zero-width
 * space and joiners, the byte-order mark, direction marks, tags), combining marks and variation
 * selectors with no character to sit on, Hangul fillers and the blank Braille pattern.
 */
const INVISIBLE = /^[\s\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * The text without bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): in a
 * name they can make what follows read reversed ("Eve\u202Egnp.exe" shows as "Eveexe.png"). Names only:
 * message text keeps them, since right-to-left writing may need them.
 */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

const LINE_CONTROLS = /[\t\n\v\f\r\u0085]+/g;
const OTHER_CONTROLS = /\p{Cc}/gu;

/**
 * A name as one line of plain text: line breaks and tabs become a space, other control characters
 * (escapes, bells) go, and so do bidi controls (`withoutBidiControls`); trimmed. A line break in a
 * name would start a line of its own wherever the name is written (a prompt, a greeting, an export).
 */
export function plainName(text: string): string {
  return withoutBidiControls(text.replace(LINE_CONTROLS, " ").replace(OTHER_CONTROLS, "")).trim();
}

/** True when the text shows nothing at all, however many characters it holds. */
export function isBlank(text: string): boolean {
  return INVISIBLE.test(text);
}

export function isWithin(text: string, min: number, max: number): boolean {
  const count = charCount(text);
  return count >= min && count <= max;
}

/**
 * A short, stable fingerprint of a text (53-bit cyrb53, hex), so state can tell "same text" from
 * "different text" without holding every message.
 */
export function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${value.toString(16)}:${text.length}`;
}

/** What is wrong with a piece of text that PostgreSQL cannot store (NUL, an unpaired surrogate), or null. */
export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "holds a NUL character";
  // A high surrogate not followed by a low one, or a low one not preceded by a high one.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text))
    return "holds broken Unicode (an unpaired surrogate)";
  return null;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The value with every string in it made storable: NUL characters dropped, unpaired surrogates
 * replaced by U+FFFD. Text people type is refused with a reason before it gets here; this is for
 * text nobody typed, such as a language model's reply, which no read model could otherwise hold.
 * Returns the value itself when nothing needed changing.
 */
export function storableText<T>(value: T): T {
  if (typeof value === "string")
    return (
      value.includes("\u0000") || SURROGATE.test(value)
        ? value.replaceAll("\u0000", "").toWellFormed()
        : value
    ) as T;
  if (value === null || typeof value !== "object") return value;
  // Nothing is copied until something changes: nearly every value is storable as it is.
  if (Array.isArray(value)) {
    let items: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const next = storableText(value[i]);
      if (next === value[i]) continue;
      items ??= [...value];
      items[i] = next;
    }
    return (items ?? value) as T;
  }
  let changed: Record<string, unknown> | null = null;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    const next = storableText(item);
    // Without a prototype, a "__proto__" key is a key like any other.
    if (next !== item) changed ??= Object.create(null) as Record<string, unknown>;
    if (changed) changed[key] = next;
  }
  return (changed ? { ...value, ...changed } : value) as T;
}
