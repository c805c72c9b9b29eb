import { describe, expect, it } from "vitest";
import { z } from "zod";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { InvalidEventError } from "../../../src/domain/shared/eventCatalogue.ts";
import { compileShapeCheck } from "../../../src/domain/shared/shapeCheck.ts";
import { created, weeklyScenario } from "../agent/fixtures.ts";
import { answered, sent } from "../conversation/fixtures.ts";

const check = (schema: z.ZodType) => {
  const compiled = compileShapeCheck(schema);
  if (!compiled) throw new Error("expected a shape check");
  return compiled;
};

describe("a shape check", () => {
  it("checks types, keys, enum and literal values, nesting and unions", () => {
    const schema = z.object({
      id: z.string().min(1),
      count: z.int(),
      ratio: z.number(),
      mood: z.enum(["calm", "playful"]),
      kind: z.literal("note"),
      tags: z.array(z.string()),
      note: z.string().nullable(),
      extra: z.boolean().optional(),
      choice: z.discriminatedUnion("k", [
        z.object({ k: z.literal("a") }),
        z.object({ k: z.literal("b"), n: z.int() }),
      ]),
      scores: z.record(z.string(), z.number()),
    });
    const ok = {
      id: "x",
      count: 3,
      ratio: 0.5,
      mood: "calm",
      kind: "note",
      tags: ["a"],
      note: null,
      choice: { k: "b", n: 1 },
      scores: { a: 1 },
    };
    const shape = check(schema);
    expect(shape(ok)).toBe(true);
    expect(shape({ ...ok, extra: true })).toBe(true);
    for (const wrong of [
      { ...ok, id: 1 },
      { ...ok, count: 1.5 },
      { ...ok, ratio: Number.NaN },
      { ...ok, mood: "ecstatic" },
      { ...ok, kind: "other" },
      { ...ok, tags: ["a", 2] },
      { ...ok, note: undefined },
      { ...ok, extra: "yes" },
      { ...ok, choice: { k: "b" } },
      { ...ok, scores: { a: "1" } },
      { ...ok, unknown: 1 },
      [ok],
      null,
    ])
      expect(shape(wrong)).toBe(false);
  });

  it("leaves a missing default to the schema, and refuses to check what it cannot copy", () => {
    expect(check(z.object({ on: z.boolean().default(false) }))({})).toBe(false);
    expect(compileShapeCheck(z.custom(() => true))).toBeUndefined();
    expect(compileShapeCheck(z.object({ a: z.string() }).catchall(z.number()))).toBeUndefined();
    expect(compileShapeCheck(z.string().transform((s) => s.length))).toBeUndefined();
  });
});

describe("reading stored events", () => {
  const stored = [created, weeklyScenario, ...answered];

  it.each(stored)("reads what was validated on write as the full schema does: $type", (event) => {
    const data = catalogue.validate(event);
    const version = catalogue.currentVersion(event.type);
    expect(catalogue.parseStored(event.type, version, data)).toEqual(
      catalogue.parse(event.type, version, data),
    );
  });

  it("still catches a stored event of the wrong shape, naming what is wrong", () => {
    const { text: _, ...data } = sent("m1").data as Record<string, unknown>;
    expect(() => catalogue.parseStored("UserMessageSent", 1, data)).toThrow(InvalidEventError);
    expect(() => catalogue.parseStored("UserMessageSent", 1, { ...data, text: 42 })).toThrow(/text/);
  });

  it("strips unknown keys and fills defaults as the schema does", () => {
    const data = { ...(sent("m1").data as Record<string, unknown>), leftOver: true };
    expect(catalogue.parseStored("UserMessageSent", 1, data)).toEqual(
      catalogue.parse("UserMessageSent", 1, data),
    );
    expect(catalogue.parseStored("UserMessageSent", 1, data).data).not.toHaveProperty("leftOver");
  });

  it("upcasts older versions and validates them fully", () => {
    const { moodBaseline: _, ...v1 } = created.data;
    const read = catalogue.parseStored("AgentCreated", 1, v1);
    expect(read).toEqual(catalogue.parse("AgentCreated", 1, v1));
    expect(() => catalogue.parseStored("AgentCreated", 1, { ...v1, name: "" })).toThrow(InvalidEventError);
  });
});
