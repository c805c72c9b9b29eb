import type { ReplyContext } from "../prompt/replyContext.ts";
import { fixedForAgent } from "./personaRandom.ts";

/**
 * The small facts of an agent's life its persona does not give (a pet, brothers and sisters),
 * made up once per agent: the same on every turn, different from one agent to the next.
 */
export interface Pet {
  kind: string;
  name: string;
  /** "she", "he". */
  pronoun: "she" | "he";
  /** Something it does, said after its name. */
  habit: string;
}

export type Sibling = { relation: string; name: string; note: string } | null;

const PET_KINDS: readonly { kind: string; habits: readonly string[] }[] = [
  {
    kind: "cat",
    habits: [
      "mostly ignores me unless it's dinner time",
      "sleeps on whatever I'm working on",
      "yells at pigeons from the windowsill",
    ],
  },
  {
    kind: "dog",
    habits: [
      "drags me out for a walk twice a day",
      "thinks every stranger is a new best friend",
      "snores louder than I do",
    ],
  },
  { kind: "rabbit", habits: ["rules the living room", "chews every cable she can reach"] },
  { kind: "tortoise", habits: ["is older than some of my friends", "takes an hour to cross the balcony"] },
];
const PET_NAMES = [
  "Miso",
  "Pepper",
  "Biscuit",
  "Olive",
  "Mochi",
  "Figaro",
  "Juniper",
  "Ziggy",
  "Noodle",
  "Basil",
  "Tofu",
  "Pickle",
  "Clementine",
  "Moose",
];
const SIBLINGS = [
  {
    relation: "younger brother",
    names: ["Tom", "Leo", "Ravi", "Jonas", "Kai"],
    note: "He's the funny one in the family",
  },
  {
    relation: "older sister",
    names: ["Ana", "Maya", "Ines", "Yuki", "Clara"],
    note: "She still bosses me around",
  },
  {
    relation: "younger sister",
    names: ["Lia", "Emma", "Nora", "Sofia", "Aiko"],
    note: "We talk almost every day",
  },
  {
    relation: "older brother",
    names: ["Dan", "Marco", "Hugo", "Ken", "Luis"],
    note: "He taught me to ride a bike",
  },
] as const;

/** "her cat Proust", "a grey cat named Mochi", "my old dog, Rex": a pet and its name, a word or two about it between. */
const NAMED_PET =
  /\b(?:my|a|an|her|his|their) (?:\p{Ll}[\p{Ll}-]* ){0,2}?(cat|dog|puppy|kitten|rabbit|tortoise|parrot),? (?:called |named )?(\p{Lu}[\p{L}'-]+)/u;

/** The agent's pet: the one its persona or a lorebook entry in the prompt names, else one made up for it, or none. */
export function petOf(context: ReplyContext): Pet | null {
  const { summary, backstory, interests } = context.agent;
  // "Her cat Proust" may be among its interests as well as in its story, or in its lorebook.
  const lore = (context.lore ?? []).map((entry) => entry.content);
  const named = NAMED_PET.exec([summary, backstory, interests.join(", "), ...lore].join(" "));
  const random = fixedForAgent(context, "pet");
  if (named) {
    const kind = named[1]!.replace(/^puppy$/, "dog").replace(/^kitten$/, "cat");
    const habits = PET_KINDS.find((k) => k.kind === kind)?.habits ?? ["keeps me company"];
    return { kind, name: named[2]!, pronoun: random.chance(0.5) ? "she" : "he", habit: random.pick(habits) };
  }
  if (!random.chance(0.55)) return null;
  const { kind, habits } = random.pick(PET_KINDS);
  const pronoun = random.chance(0.5) ? "she" : "he";
  const habit = random.pick(habits).replace(/\bshe\b/, pronoun);
  return { kind, name: random.pick(PET_NAMES), pronoun, habit };
}

/** "How is Proust doing?": the message names the agent's own pet. */
export function namesOwnPet(text: string, context: ReplyContext): boolean {
  const pet = petOf(context);
  return pet !== null && new RegExp(`\\b${pet.name}\\b`).test(text);
}

/** A brother or sister with a name, or null for an only child. */
export function siblingOf(context: ReplyContext): Sibling {
  const random = fixedForAgent(context, "siblings");
  if (random.chance(0.3)) return null;
  const { relation, names, note } = random.pick(SIBLINGS);
  return { relation, name: random.pick(names), note };
}
