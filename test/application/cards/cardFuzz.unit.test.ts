import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { planCardImport } from "../../../src/application/cards/cardImportPlan.ts";
import { encodeJson } from "../../../src/application/cards/cardPng.ts";
import { readChatJsonl } from "../../../src/application/cards/chatJsonl.ts";
import { readLorebookFile } from "../../../src/application/cards/lorebookFile.ts";
import { readPngChunks, readPngTexts, textChunk } from "../../../src/application/cards/pngChunks.ts";
import { readCardFile } from "../../../src/application/cards/readCardFile.ts";
import { seededRandom } from "../../../src/application/life/seededRandom.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { lorebookDecider } from "../../../src/domain/lorebook/decider.ts";
import { DomainError } from "../../../src/domain/shared/decider.ts";
import { basePng, fixtureBytes, fixtureJson, withTextChunks } from "../../fixtures/cards/build.ts";
import { lisbon, now } from "./cardHarness.ts";

/**
 * Corrupted cards, lorebooks and chats, thousands of them from a fixed seed: every one is either
 * read or refused with BAD_USER_INPUT and a one-line reason. Nothing else may escape.
 */

type Outcome = "read" | "refused";
const crashes: string[] = [];

function attempt(label: string, run: () => void, codes: readonly string[] = ["BAD_USER_INPUT"]): Outcome {
  try {
    run();
    return "read";
  } catch (error) {
    const ok =
      error instanceof DomainError &&
      codes.includes(error.code) &&
      error.message.length > 0 &&
      !/[\n\r]/.test(error.message) &&
      error.message.length < 300;
    if (!ok)
      crashes.push(
        `${label}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(
          0,
          300,
        ),
      );
    return "refused";
  }
}

/** The whole import: read the file, plan, and decide both aggregates, as the import service will. */
function importAll(bytes: Uint8Array): void {
  const { card } = readCardFile(bytes);
  const plan = planCardImport(card, {
    agentId: "a1",
    lorebookId: "b1",
    createdBy: "admin",
    now,
    identity: lisbon,
    scenarioId: (i) => `s${i}`,
  });
  if (plan.lorebook) lorebookDecider.decide(plan.lorebook, lorebookDecider.initialState());
  agentDecider.decide(plan.agent, agentDecider.initialState());
}

function mutateBytes(bytes: Uint8Array, random: ReturnType<typeof seededRandom>): Uint8Array {
  const int = (n: number) => Math.floor(random.next() * n);
  const kind = int(4);
  if (kind === 0) {
    const out = bytes.slice();
    for (let i = 0, n = 1 + int(8); i < n; i++) out[int(out.length)] = int(256);
    return out;
  }
  if (kind === 1) return bytes.subarray(0, int(bytes.length));
  if (kind === 2) {
    const at = int(bytes.length);
    const noise = Uint8Array.from({ length: 1 + int(64) }, () => int(256));
    const out = new Uint8Array(bytes.length + noise.length);
    out.set(bytes.subarray(0, at));
    out.set(noise, at);
    out.set(bytes.subarray(at), at + noise.length);
    return out;
  }
  const at = int(bytes.length);
  const length = int(Math.min(256, bytes.length - at));
  return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + length)]);
}

const oddValues: unknown[] = [
  null,
  0,
  -1,
  1e308,
  Number.NaN,
  true,
  "",
  " ",
  "x".repeat(20_000),
  [],
  [null],
  {},
  { a: [1, { b: null }] },
  "{{char}}",
  "/(a+)+$/",
  ["/[/", 5],
];

/** Replaces one value somewhere inside `value` with an odd one. */
function mutateJson(value: unknown, random: ReturnType<typeof seededRandom>, depth = 0): unknown {
  const pick = () => oddValues[Math.floor(random.next() * oddValues.length)];
  if (depth > 0 && random.next() < 0.25) return pick();
  if (Array.isArray(value) && value.length > 0) {
    const copy = [...value];
    const i = Math.floor(random.next() * copy.length);
    copy[i] = mutateJson(copy[i], random, depth + 1);
    return copy;
  }
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0) return pick();
    const key = keys[Math.floor(random.next() * keys.length)]!;
    return { ...value, [key]: mutateJson((value as Record<string, unknown>)[key], random, depth + 1) };
  }
  return pick();
}

/** Thousands of inputs: a machine under load may need longer than the default five seconds. */
const FUZZ_TIMEOUT_MS = 60_000;

describe("fuzzing corrupted cards", () => {
  it.each(["v2.png", "v3.png", "card.charx", "v2.json", "v3.json", "realworld-v2.json", "v1.json"])(
    "%s: byte-level corruption never crashes",
    (file) => {
      const random = seededRandom("card-fuzz", file);
      const original = fixtureBytes(file);
      const outcomes = { read: 0, refused: 0 };
      for (let i = 0; i < 300; i++)
        outcomes[attempt(`${file}#${i}`, () => importAll(mutateBytes(original, random)))]++;
      expect(crashes).toEqual([]);
      expect(outcomes.refused).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "structural corruption of card JSON (in JSON files and in PNG chunks) never crashes",
    () => {
      const random = seededRandom("card-fuzz", "structure");
      const cards = ["v2.json", "v3.json", "realworld-v2.json"].map(fixtureJson);
      const outcomes = { read: 0, refused: 0 };
      for (let i = 0; i < 400; i++) {
        let mutated: unknown = cards[i % cards.length];
        for (let n = 0, times = 1 + Math.floor(random.next() * 4); n < times; n++)
          mutated = mutateJson(mutated, random);
        const json = strToU8(JSON.stringify(mutated));
        const png = withTextChunks(basePng(8, 8), [textChunk(i % 2 ? "ccv3" : "chara", encodeJson(mutated))]);
        // The deciders may also refuse what the codecs let through (a greeting too long, say): any domain reason.
        const codes = ["BAD_USER_INPUT", "CONFLICT"];
        outcomes[attempt(`structure-json#${i}`, () => importAll(json), codes)]++;
        outcomes[attempt(`structure-png#${i}`, () => importAll(png), codes)]++;
      }
      expect(crashes).toEqual([]);
      expect(outcomes.read).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "corrupted chunk text with valid CRCs never crashes",
    () => {
      const random = seededRandom("card-fuzz", "chunk-text");
      const texts = ["v2.png", "v3.png"].flatMap((file) =>
        readPngTexts(readPngChunks(fixtureBytes(file)), 1 << 20).map((t) => ({
          keyword: t.keyword,
          text: t.text,
        })),
      );
      const outcomes = { read: 0, refused: 0 };
      for (let i = 0; i < 400; i++) {
        const { keyword, text } = texts[i % texts.length]!;
        const chars = [
          ...mutateBytes(
            Uint8Array.from(text, (c) => c.charCodeAt(0)),
            random,
          ),
        ];
        const mutated = String.fromCharCode(...chars.map((c) => (i % 3 === 0 ? c : c & 0x7f)));
        const png = withTextChunks(basePng(8, 8), [textChunk(keyword, mutated)]);
        outcomes[attempt(`chunk-text#${i}`, () => importAll(png), ["BAD_USER_INPUT", "CONFLICT"])]++;
      }
      expect(crashes).toEqual([]);
      expect(outcomes.refused).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "corrupted lorebooks and chats never crash",
    () => {
      const random = seededRandom("card-fuzz", "lorebooks-and-chats");
      const worldInfo = fixtureBytes("worldinfo.json");
      const chat = fixtureBytes("chat.jsonl");
      const decide = (bytes: Uint8Array) => {
        const draft = readLorebookFile(bytes, "Fuzz");
        const command = {
          type: "CreateLorebook" as const,
          lorebookId: "b",
          ...draft,
          source: "worldInfo" as const,
          createdBy: "a",
          now,
        };
        lorebookDecider.decide(command, lorebookDecider.initialState());
      };
      for (let i = 0; i < 300; i++) {
        attempt(`worldinfo#${i}`, () => decide(mutateBytes(worldInfo, random)), [
          "BAD_USER_INPUT",
          "CONFLICT",
        ]);
        const structured = strToU8(JSON.stringify(mutateJson(fixtureJson("worldinfo.json"), random)));
        attempt(`worldinfo-structure#${i}`, () => decide(structured), ["BAD_USER_INPUT", "CONFLICT"]);
        attempt(`chat#${i}`, () => readChatJsonl(mutateBytes(chat, random)));
      }
      expect(crashes).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );
});
