import { exportAgentCard } from "../../src/application/cards/agentCardExport.ts";
import { planCardImport } from "../../src/application/cards/cardImportPlan.ts";
import { readCardFile } from "../../src/application/cards/readCardFile.ts";
import { estimateTokens } from "../../src/application/prompt/tokenBudget.ts";
import { agentDecider } from "../../src/domain/agent/decider.ts";
import { lorebookDecider } from "../../src/domain/lorebook/decider.ts";
import { type LorebookToMatch, matchLorebooks } from "../../src/domain/lorebook/matching.ts";
import type { LorebookEntry } from "../../src/domain/lorebook/schemas.ts";
import { basePng, fixtureBytes } from "../fixtures/cards/build.ts";
import { perSecond, report, timed } from "./support.ts";

const ENTRIES = 500;
const MATCHES = 200;
const IMPORTS = 200;
const words = [
  "canal",
  "lamp",
  "guild",
  "bell",
  "tower",
  "bakery",
  "river",
  "smuggler",
  "heron",
  "warden",
  "clock",
  "rain",
];

/** A big book: plain, whole-word, secondary-key and pattern keys, recursion on. */
function bigBook(): LorebookToMatch {
  const entries: LorebookEntry[] = Array.from({ length: ENTRIES }, (_, i) => ({
    entryId: String(i),
    comment: "",
    name: "",
    keys:
      i % 10 === 0
        ? [`/\\b${words[i % words.length]}s?\\b/i`]
        : [`${words[i % words.length]}${i}`, `term ${i}`],
    secondaryKeys: i % 7 === 0 ? [words[(i + 3) % words.length]!] : [],
    selective: true,
    selectiveLogic: "andAny",
    content: `Entry ${i} talks about ${words[(i + 1) % words.length]} and the ${words[(i + 5) % words.length]}${i + 1}.`,
    enabled: true,
    constant: i % 100 === 0,
    insertionOrder: i % 50,
    priority: null,
    position: "beforeCharacter",
    caseSensitive: null,
    matchWholeWords: i % 3 === 0 ? true : null,
    useRegex: false,
    scanDepth: null,
    excludeRecursion: false,
    preventRecursion: false,
    extensions: {},
  }));
  return {
    lorebookId: "big",
    settings: { scanDepth: 8, tokenBudget: 2000, recursiveScanning: true },
    entries,
  };
}

/** Lorebook matching per reply, and card import and export, against plain string work on the same input. */
export default async function cardsBench(): Promise<void> {
  const book = bigBook();
  const messages = Array.from({ length: 8 }, (_, i) => ({
    speaker: i % 2 ? "Mira" : "Sam",
    text: `By the ${words[i]} we saw the ${words[i + 2]}${i * 37} near term ${i * 61}; the rain kept on over the river.`,
  }));
  const text = messages
    .map((m) => m.text)
    .join("\n")
    .toLowerCase();
  const keys = book.entries.flatMap((e) => [...e.keys, ...e.secondaryKeys]).map((k) => k.toLowerCase());
  const naive = await timed(async () => {
    let hits = 0;
    for (let n = 0; n < MATCHES; n++) for (const key of keys) if (text.includes(key)) hits++;
    return hits;
  });
  const matched = await timed(async () => {
    let entries = 0;
    for (let n = 0; n < MATCHES; n++)
      entries += matchLorebooks([book], messages, { countTokens: estimateTokens }).entries.length;
    return entries / MATCHES;
  });

  const png = fixtureBytes("v3.png");
  const json = new TextDecoder().decode(fixtureBytes("realworld-v2.json"));
  const parsed = await timed(async () => {
    for (let n = 0; n < IMPORTS; n++) JSON.parse(json);
  });
  const identity = { homeCity: "Lisbon", occupation: "Clock repairer", timezone: "Europe/Lisbon" };
  const now = "2025-03-03T08:00:00.000Z";
  const importOnce = (bytes: Uint8Array) => {
    const { card, portrait } = readCardFile(bytes);
    const plan = planCardImport(card, {
      agentId: "a",
      lorebookId: "b",
      createdBy: "x",
      now,
      identity,
      scenarioId: (i) => `s${i}`,
    });
    const agent = agentDecider
      .decide(plan.agent, agentDecider.initialState())
      .reduce(agentDecider.evolve, agentDecider.initialState());
    const lorebook = plan.lorebook
      ? lorebookDecider
          .decide(plan.lorebook, lorebookDecider.initialState())
          .reduce(lorebookDecider.evolve, lorebookDecider.initialState())
      : null;
    return { agent, lorebook, portrait };
  };
  const imported = await timed(async () => {
    for (let n = 0; n < IMPORTS; n++) importOnce(n % 2 ? png : new TextEncoder().encode(json));
  });
  const sample = importOnce(new TextEncoder().encode(json));
  const exported = await timed(async () => {
    for (let n = 0; n < IMPORTS; n++)
      exportAgentCard(
        sample.agent,
        sample.lorebook ? [sample.lorebook] : [],
        { bytes: basePng(), contentType: "image/png" },
        now,
      );
  });

  const naiveRate = perSecond(MATCHES, naive.ms);
  const matchRate = perSecond(MATCHES, matched.ms);
  const parseRate = perSecond(IMPORTS, parsed.ms);
  report(`character cards and lorebooks (${ENTRIES}-entry book, 8 messages)`, [
    {
      name: "lorebook matches per second",
      value: `${matchRate}/s (${matched.result.toFixed(0)} entries each)`,
      baseline: `${naiveRate}/s substring scans of every key`,
      ratio: matchRate / naiveRate,
    },
    {
      name: "card imports per second (read, plan, decide)",
      value: `${perSecond(IMPORTS, imported.ms)}/s`,
      baseline: `${parseRate}/s JSON.parse of the same card`,
      ratio: perSecond(IMPORTS, imported.ms) / parseRate,
    },
    {
      name: "card exports per second (V3 + V2 PNG)",
      value: `${perSecond(IMPORTS, exported.ms)}/s`,
      baseline: `${parseRate}/s JSON.parse of the same card`,
      ratio: perSecond(IMPORTS, exported.ms) / parseRate,
    },
  ]);
}
