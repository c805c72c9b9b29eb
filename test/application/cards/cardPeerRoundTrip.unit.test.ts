import { describe, expect, it } from "vitest";
import { exportAgentCard } from "../../../src/application/cards/agentCardExport.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { importCard, lisbon, now } from "./cardHarness.ts";

/** A card as SillyTavern, RisuAI or Agnai write them: macros, fields withme keeps for others. */
const peerBook = {
  name: "Harbour lore",
  description: "Places around the harbour.",
  scan_depth: 4,
  token_budget: 900,
  recursive_scanning: true,
  extensions: { risu_fullWordMatching: true },
  entries: [
    {
      id: 7,
      keys: ["lighthouse"],
      secondary_keys: ["night"],
      comment: "The light",
      content: "{{char}} climbs the 120 steps every evening.",
      constant: false,
      selective: true,
      insertion_order: 20,
      enabled: true,
      position: "after_char",
      use_regex: false,
      extensions: {
        position: 4,
        depth: 2,
        role: 1,
        probability: 60,
        useProbability: true,
        group: "harbour",
        sticky: 2,
        selectiveLogic: 3,
        exclude_recursion: false,
        prevent_recursion: true,
        scan_depth: null,
        case_sensitive: null,
        match_whole_words: true,
      },
    },
  ],
};
const peerCard = {
  spec: "chara_card_v3",
  spec_version: "3.0",
  data: {
    name: "Marisol",
    description: "{{char}} keeps the old lighthouse.\n{{user}} is a visitor she has not met.",
    personality: "{{char}} is calm, dry-witted and stubborn.",
    scenario: "{{user}} knocks on the lighthouse door at dusk.",
    first_mes: "*{{char}} opens the door.* Lost, {{user}}?",
    mes_example: "<START>\n{{user}}: Hello?\n{{char}}: Mind the steps.",
    creator_notes: "Works best with slow scenes.",
    system_prompt: "Write as {{char}}. {{original}}",
    post_history_instructions: "Stay in {{char}}'s voice; never speak for {{user}}.",
    alternate_greetings: ["<BOT> waves from the gallery.", "Back again, {{user}}?"],
    group_only_greetings: ["{{char}} nods to everyone."],
    tags: ["lighthouse", "slice of life"],
    creator: "harbourfolk",
    character_version: "1.2",
    nickname: "Sol",
    creator_notes_multilingual: { pt: "Melhor com cenas lentas." },
    source: ["https://example.org/marisol"],
    creation_date: 1700000000,
    modification_date: 1710000000,
    extensions: {
      depth_prompt: { prompt: "{{char}} smells of salt.", depth: 4, role: "system" },
      talkativeness: "0.5",
    },
    character_book: peerBook,
  },
};

function roundTrip(card: unknown) {
  const imported = importCard(new TextEncoder().encode(JSON.stringify(card)), { identity: lisbon });
  const books = imported.lorebook ? [imported.lorebook] : [];
  return { imported, exported: exportAgentCard(imported.agent, books, null, now) };
}

const macroFields = [
  "description",
  "personality",
  "scenario",
  "first_mes",
  "mes_example",
  "system_prompt",
  "post_history_instructions",
  "alternate_greetings",
] as const;

describe("a peer's card imported and exported again", () => {
  const { exported, imported } = roundTrip(peerCard);
  const v3 = exported.v3.data as Record<string, unknown>;
  const v2 = exported.v2.data as Record<string, unknown>;

  it("keeps the card's own text, {{char}} and {{user}} macros and all, in V3 and V2", () => {
    for (const field of macroFields) {
      expect(v3[field], field).toEqual(peerCard.data[field]);
      expect(v2[field], field).toEqual(peerCard.data[field]);
    }
    // The persona withme reads from the text has the name written in.
    expect(imported.agent.profile!.persona.backstory).toContain("Sol keeps the old lighthouse");
  });

  it("gives back every other spec field the card had", () => {
    for (const field of [
      "name",
      "creator_notes",
      "group_only_greetings",
      "tags",
      "creator",
      "character_version",
      "nickname",
      "creator_notes_multilingual",
      "source",
      "creation_date",
      "modification_date",
    ] as const)
      expect(v3[field], field).toEqual(peerCard.data[field]);
    const { withme, ...others } = v3.extensions as Record<string, unknown>;
    expect(others).toEqual(peerCard.data.extensions);
    expect(withme).toBeDefined();
  });

  it("gives back the embedded book with its entry ids, settings, extensions and unknown fields", () => {
    expect(v3.character_book).toEqual(peerBook);
  });

  it("writes text from the persona once the persona is edited in withme", () => {
    const { profile } = imported.agent;
    const edited = agentDecider
      .decide(
        {
          type: "UpdateAgentPersona",
          agentId: "a1",
          persona: { ...profile!.persona, summary: "A keeper of lights who now runs a café." },
          now,
        },
        imported.agent,
      )
      .reduce(agentDecider.evolve, imported.agent);
    const again = exportAgentCard(edited, [], null, now).v3.data as Record<string, unknown>;
    expect(again.description).not.toEqual(peerCard.data.description);
    expect(again.description).toContain("runs a café");
    expect(again.modification_date).toBe(Math.floor(Date.parse(now) / 1000));
  });
});
