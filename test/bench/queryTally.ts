import pg from "pg";

let tally: Map<string, number> | null = null;

/** A statement's prepared name, or the words that start its text. */
function statementOf(args: unknown[]): string {
  const config = args[0] as string | { name?: string; text?: string } | undefined;
  const text = typeof config === "string" ? config : (config?.name ?? config?.text ?? "?");
  return text.replace(/\s+/g, " ").trim().slice(0, 48);
}

/**
 * Counts the queries this process's `pg` clients send, by statement, from now until the returned
 * call, which gives the counts, most frequent first.
 */
export function tallyQueries(): () => [string, number][] {
  if (!tally) {
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (tally) {
        const statement = statementOf(args);
        tally.set(statement, (tally.get(statement) ?? 0) + 1);
      }
      return query.apply(this, args);
    } as typeof pg.Client.prototype.query;
  }
  tally = new Map();
  return () => {
    const counted = [...(tally ?? [])].sort((a, b) => b[1] - a[1]);
    tally = null;
    return counted;
  };
}
