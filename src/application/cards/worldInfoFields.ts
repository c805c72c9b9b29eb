/** SillyTavern's world-info entry fields and how withme holds them. */

/** The entry fields withme holds as its own; the rest travel in `extensions` under these names. */
export const RENAMED = new Map([
  ["displayIndex", "display_index"],
  ["groupOverride", "group_override"],
  ["groupWeight", "group_weight"],
  ["delayUntilRecursion", "delay_until_recursion"],
  ["useGroupScoring", "use_group_scoring"],
  ["automationId", "automation_id"],
]);
export const RENAMED_BACK = new Map([...RENAMED].map(([worldInfo, extension]) => [extension, worldInfo]));

/** `keys` and `secondary_keys` are the card book's spellings, which some tools write in world info too. */
export const OWN = new Set([
  "uid",
  "key",
  "keys",
  "keysecondary",
  "secondary_keys",
  "comment",
  "content",
  "constant",
  "selective",
  "selectiveLogic",
  "order",
  "disable",
  "excludeRecursion",
  "preventRecursion",
  "scanDepth",
  "caseSensitive",
  "matchWholeWords",
]);
