/** What a decorator asks of the matcher. */
export type Decorator = "activate" | "dontActivate" | null;

/**
 * Leading `@@name` lines (CCv3 decorators) leave the content; `@@activate` and `@@dont_activate`
 * are obeyed, others ignored. A line starting `@@@` is text with one `@` removed.
 */
export function parseDecorators(content: string): {
  decorator: Decorator;
  content: string;
} {
  const lines = content.split("\n");
  const names: string[] = [];
  while (lines.length > 0 && /^@@(?!@)/.test(lines[0]!)) names.push(lines.shift()!.trim().split(/\s/)[0]!);
  if (lines.length > 0 && lines[0]!.startsWith("@@@")) lines[0] = lines[0]!.slice(1);
  const decorator = names.includes("@@activate")
    ? "activate"
    : names.includes("@@dont_activate")
      ? "dontActivate"
      : null;
  return { decorator, content: lines.join("\n") };
}
