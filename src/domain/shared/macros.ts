/**
 * The macros character cards write in greetings, examples and lorebook entries: `{{char}}` and
 * `{{user}}` (any case), their old forms `<BOT>`, `<CHAR>` and `<USER>`, and `{{// comments}}`,
 * which vanish. Other `{{…}}` macros stay as they are.
 */
export interface MacroNames {
  /** The character's name (a card's nickname when it has one). */
  char: string;
  /** What the person is called. */
  user: string;
}

const MACRO = /\{\{\s*(char|user|bot)\s*\}\}|<(BOT|CHAR|USER)>|\{\{\/\/[\s\S]*?\}\}/gi;

export function resolveMacros(text: string, names: MacroNames): string {
  return text.replace(MACRO, (match, braced?: string, angled?: string) => {
    const name = (braced ?? angled)?.toLowerCase();
    if (name === undefined) return match.startsWith("{{//") ? "" : match;
    return name === "user" ? names.user : names.char;
  });
}

/** Writes the old `<BOT>`/`<CHAR>`/`<USER>` forms as `{{char}}`/`{{user}}`, leaving everything else. */
export function normalizeMacros(text: string): string {
  return text.replace(/<(BOT|CHAR|USER)>/gi, (_, name: string) =>
    name.toLowerCase() === "user" ? "{{user}}" : "{{char}}",
  );
}
