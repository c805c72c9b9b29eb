import { describe, expect, it } from "vitest";
import {
  jsonFromLinesInSteps,
  jsonLinesInSteps,
  jsonPartsInSteps,
  runInSlices,
} from "../../../src/application/snapshots/steppedWork.ts";

function finish<T>(steps: Generator<void, T, void>): { value: T; steps: number } {
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: count };
    count++;
  }
}

/** The parts joined into the text, and the pauses on the way. */
function jsonText(value: unknown): { value: string; steps: number } {
  const { value: parts, steps } = finish(jsonPartsInSteps(value));
  return { value: parts.join(""), steps };
}

describe("jsonPartsInSteps", () => {
  const values: unknown[] = [
    null,
    7,
    'text with "quotes" and \u2028',
    [],
    {},
    { a: 1, skipped: undefined, f: () => 1, nested: { list: [1, "two", null, { deep: true }] } },
    { at: new Date("2025-05-01T09:00:00.000Z"), empty: [], holes: [undefined, () => 1] },
    Array.from({ length: 1_234 }, (_, i) => (i % 3 === 0 ? { i, s: `x${i}` } : [i, undefined, `y${i}`])),
    { rows: Array.from({ length: 2_001 }, (_, i) => [i, i % 2 === 0 ? null : "odd"]), tail: "end" },
  ];

  it("writes what JSON.stringify writes", () => {
    for (const value of values) expect(jsonText(value).value).toBe(JSON.stringify(value));
  });

  it("pauses along a long array, and not along a short one", () => {
    expect(jsonText(values[7]).steps).toBeGreaterThan(3);
    expect(jsonText({ a: [1, 2, 3] }).steps).toBe(0);
  });
});

describe("jsonLinesInSteps and jsonFromLinesInSteps", () => {
  const values: unknown[] = [
    null,
    "a\nb",
    [],
    { a: 1, nested: { list: [1, "two", null, { deep: true }], empty: {} }, "[": "{", "}": "]" },
    { ["__proto__"]: { polluted: true }, ok: 1 },
    Array.from({ length: 1_234 }, (_, i) => (i % 3 === 0 ? { i, s: `x\n${i}` } : [i, `y${i}`])),
    { rows: Array.from({ length: 2_001 }, (_, i) => [i, i % 2 === 0 ? null : "odd"]), tail: { t: [] } },
    { deep: { rows: Array.from({ length: 201 }, (_, i) => i), after: [1] }, last: "," },
  ];

  it("write JSON that reads back as it was, a long array over many steps", () => {
    for (const value of values) {
      const text = finish(jsonLinesInSteps(value)).value.join("");
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      const read = finish(jsonFromLinesInSteps(text));
      expect(read.value).toEqual(JSON.parse(JSON.stringify(value)));
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const long = finish(jsonFromLinesInSteps(finish(jsonLinesInSteps(values[6])).value.join("")));
    expect(long.steps).toBeGreaterThan(3);
  });

  it("read JSON written on one line at once", () => {
    expect(finish(jsonFromLinesInSteps(JSON.stringify(values[6]))).value).toEqual(values[6]);
  });
});

describe("runInSlices", () => {
  it("runs stepped work to its end, letting other work run in between", async () => {
    let others = 0;
    const ticker = setInterval(() => others++, 0);
    function* slow(): Generator<void, string, void> {
      for (let i = 0; i < 20; i++) {
        const until = performance.now() + 2;
        while (performance.now() < until);
        yield;
      }
      return "done";
    }
    try {
      expect(await runInSlices(slow())).toBe("done");
    } finally {
      clearInterval(ticker);
    }
    expect(others).toBeGreaterThan(0);
  });
});
