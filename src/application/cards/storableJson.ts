import { textProblem } from "../../domain/shared/text.ts";
import { badFile } from "./cardErrors.ts";

/**
 * Refuses a parsed file whose text no field can store (PostgreSQL refuses NUL characters and
 * unpaired surrogates), before anything is created from it: one line naming where, not the text.
 * Walks with a stack, not recursion, since a file may nest as deep as its size allows.
 */
export function requireStorableJson<T>(value: T, what: string): T {
  const pending: { value: unknown; path: string }[] = [{ value, path: "" }];
  while (pending.length > 0) {
    const { value: item, path } = pending.pop()!;
    if (typeof item === "string") {
      const problem = textProblem(item);
      if (problem) throw unstorable(what, path, problem);
    } else if (Array.isArray(item)) {
      for (const [index, child] of item.entries()) pending.push({ value: child, path: `${path}[${index}]` });
    } else if (item !== null && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        const problem = textProblem(key);
        if (problem) throw unstorable(what, `${path} (a field name)`, problem);
        pending.push({ value: child, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return value;
}

function unstorable(what: string, path: string, problem: string) {
  const where = path.length > 80 ? `${path.slice(0, 80)}…` : path;
  return badFile(
    "TextUnstorable",
    `The ${what} ${problem}${where ? ` at ${where}` : ""}; remove it and try again.`,
  );
}
