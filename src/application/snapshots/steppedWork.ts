import { setImmediate as yieldToLoop } from "node:timers/promises";

/** How long stepped work runs before the event loop is given back. */
const SLICE_MS = 4;

/**
 * Runs work written as a generator that pauses between steps, giving the event loop back every
 * few milliseconds: long work that no one waits for does not hold up what is waited for.
 */
export async function runInSlices<T>(steps: Generator<void, T, void>): Promise<T> {
  for (;;) {
    await yieldToLoop();
    const until = performance.now() + SLICE_MS;
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() >= until) break;
    }
  }
}

/**
 * For a loop that awaits as it goes: the returned function gives a pause (await it) once the
 * current slice of a few milliseconds is spent, and null before, so short work never waits.
 */
export function slicedPauses(): () => Promise<void> | null {
  let until = performance.now() + SLICE_MS;
  return () => {
    if (performance.now() < until) return null;
    return yieldToLoop().then(() => {
      until = performance.now() + SLICE_MS;
    });
  };
}

/**
 * `items.map(map)`, giving the event loop back whenever a slice of a few milliseconds is spent:
 * a short list is mapped at once, tens of thousands of events (a long history) in slices.
 */
export async function mapInSlices<T, U>(
  items: readonly T[],
  map: (item: T, index: number) => U,
): Promise<U[]> {
  const mapped: U[] = [];
  const pause = slicedPauses();
  for (const [index, item] of items.entries()) {
    mapped.push(map(item, index));
    const turn = pause();
    if (turn) await turn;
  }
  return mapped;
}

/** `items.reduce(fold, initial)` in slices, as `mapInSlices` maps. */
export async function foldInSlices<T, S>(
  items: Iterable<T>,
  fold: (state: S, item: T) => S,
  initial: S,
): Promise<S> {
  let state = initial;
  const pause = slicedPauses();
  for (const item of items) {
    state = fold(state, item);
    const turn = pause();
    if (turn) await turn;
  }
  return state;
}

/** Array elements written out between two pauses of `jsonPartsInSteps`. */
const ELEMENTS_PER_STEP = 200;

/**
 * `JSON.stringify(value)` with a pause after every few hundred elements of a long array, at any
 * depth, as the parts that join into the text: a long conversation's state is megabytes, never
 * copied into one string.
 */
export function* jsonPartsInSteps(value: unknown): Generator<void, string[], void> {
  const parts: string[] = [];
  yield* write(value, parts);
  return parts;
}

function* write(value: unknown, parts: string[]): Generator<void, void, void> {
  if (Array.isArray(value) && value.length > ELEMENTS_PER_STEP) {
    parts.push("[");
    for (let i = 0; i < value.length; i += ELEMENTS_PER_STEP) {
      if (i > 0) parts.push(",");
      parts.push(JSON.stringify(value.slice(i, i + ELEMENTS_PER_STEP)).slice(1, -1));
      yield;
    }
    parts.push("]");
    return;
  }
  if (!isPlainObject(value)) {
    parts.push(JSON.stringify(value) ?? "null");
    return;
  }
  parts.push("{");
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === "function" || typeof field === "symbol") continue;
    parts.push(`${first ? "" : ","}${JSON.stringify(key)}:`);
    first = false;
    yield* write(field, parts);
  }
  parts.push("}");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

/**
 * `jsonPartsInSteps` with the parts on lines of their own: still the same JSON (a newline is
 * whitespace to it, and never written inside a string), which `jsonFromLinesInSteps` reads back
 * a few hundred array elements per step.
 */
export function* jsonLinesInSteps(value: unknown): Generator<void, string[], void> {
  const parts = yield* jsonPartsInSteps(value);
  return parts.flatMap((part, i) => (i === 0 ? [part] : ["\n", part]));
}

type Open = { array: unknown[] } | { object: Record<string, unknown>; key: string | null };

/** `JSON.parse` of the text `jsonLinesInSteps` writes, a line at a time; any other JSON at once. */
export function* jsonFromLinesInSteps(text: string): Generator<void, unknown, void> {
  if (!text.includes("\n")) return JSON.parse(text);
  const open: Open[] = [];
  let result: unknown;
  const put = (value: unknown) => {
    const within = open.at(-1);
    if (!within) result = value;
    else if ("object" in within) {
      Object.defineProperty(within.object, within.key!, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      within.key = null;
    }
  };
  for (const line of text.split("\n")) {
    const within = open.at(-1);
    if (within && "array" in within) {
      // A long array: slices of its elements between commas, up to its closing bracket.
      if (line === "]") {
        open.pop();
        put(within.array);
      } else if (line !== ",") {
        for (const element of JSON.parse(`[${line}]`) as unknown[]) within.array.push(element);
        yield;
      }
    } else if (line === "[") open.push({ array: [] });
    else if (line === "{") open.push({ object: {}, key: null });
    else if (line === "}" && within) {
      open.pop();
      put(within.object);
    } else if (within && within.key === null)
      within.key = JSON.parse(line.replace(/^,/, "").slice(0, -1)) as string;
    else put(JSON.parse(line));
  }
  return result;
}
