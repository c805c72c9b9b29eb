/** Who a lorebook entry speaks as when it is inserted among the messages. */
export type LoreRole = "system" | "user" | "assistant";

/** What an entry's CCv3 decorators ask of the matcher and of its place in the prompt. */
export interface EntryDecorators {
  /** `@@activate`: a match in any case. */
  activate: boolean;
  /** `@@dont_activate`: never a match, unless `@@activate` says otherwise. */
  dontActivate: boolean;
  /** `@@depth N`: inserted N messages from the end of the chat. */
  depth: number | null;
  /** `@@role`: the role of the inserted message. */
  role: LoreRole | null;
  /** `@@position`: beside the character's description instead. */
  position: "beforeCharacter" | "afterCharacter" | null;
  /** `@@scan_depth N`: the recent messages its keys are looked for in. */
  scanDepth: number | null;
  /** `@@activate_only_after N`: not before the agent has written N messages. */
  activateOnlyAfter: number | null;
  /** `@@activate_only_every N`: only when the agent's message count is a multiple of N. */
  activateOnlyEvery: number | null;
  /** `@@additional_keys a,b`: one of them must appear as well. */
  additionalKeys: string[];
  /** `@@exclude_keys a,b`: none of them may appear. */
  excludeKeys: string[];
}

export const NO_DECORATORS: EntryDecorators = {
  activate: false,
  dontActivate: false,
  depth: null,
  role: null,
  position: null,
  scanDepth: null,
  activateOnlyAfter: null,
  activateOnlyEvery: null,
  additionalKeys: [],
  excludeKeys: [],
};

/**
 * Leading `@@name value` lines (CCv3 decorators) leave the content and set what they say. A
 * `@@@name` line right after a decorator is its fallback, read only when the decorator before it
 * was not understood; of two decorators with one name the first counts; unknown ones are ignored.
 * A first line starting `@@@` is text with one `@` removed.
 */
export function parseDecorators(content: string): { decorators: EntryDecorators; content: string } {
  const lines = content.split("\n");
  const decorators: EntryDecorators = { ...NO_DECORATORS, additionalKeys: [], excludeKeys: [] };
  const seen = new Set<string>();
  let previousApplied: boolean | null = null;
  while (lines.length > 0) {
    const line = lines[0]!.trim();
    const fallback = /^@@@(?!@)/.test(line);
    if (fallback ? previousApplied === null : !/^@@(?!@)/.test(line)) break;
    lines.shift();
    if (fallback && previousApplied) continue;
    const [, name = "", value = ""] = /^@@@?([A-Za-z_]+)\s*(.*)$/.exec(line) ?? [];
    const applied = seen.has(name) || apply(decorators, name, value.trim());
    if (applied) seen.add(name);
    previousApplied = fallback ? (previousApplied ?? false) || applied : applied;
  }
  if (lines.length > 0 && lines[0]!.startsWith("@@@")) lines[0] = lines[0]!.slice(1);
  return { decorators, content: lines.join("\n").replace(/^\n+|\n+$/g, "") };
}

/** Sets what one decorator says; false when withme does not know it or its value is not valid. */
function apply(decorators: EntryDecorators, name: string, value: string): boolean {
  const count = /^\d{1,7}$/.test(value) ? Number(value) : null;
  const list = value
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
  switch (name) {
    case "activate":
      decorators.activate = true;
      return true;
    case "dont_activate":
      decorators.dontActivate = true;
      return true;
    case "depth":
      decorators.depth = count;
      return count !== null;
    case "role":
      if (value !== "system" && value !== "user" && value !== "assistant") return false;
      decorators.role = value;
      return true;
    case "position": {
      const side =
        value === "before_desc" ? "beforeCharacter" : value === "after_desc" ? "afterCharacter" : null;
      decorators.position = side;
      return side !== null;
    }
    case "scan_depth":
      decorators.scanDepth = count;
      return count !== null;
    case "activate_only_after":
      decorators.activateOnlyAfter = count;
      return count !== null;
    case "activate_only_every":
      decorators.activateOnlyEvery = count !== null && count > 0 ? count : null;
      return decorators.activateOnlyEvery !== null;
    case "additional_keys":
      decorators.additionalKeys = list;
      return list.length > 0;
    case "exclude_keys":
      decorators.excludeKeys = list;
      return list.length > 0;
    default:
      return false;
  }
}
