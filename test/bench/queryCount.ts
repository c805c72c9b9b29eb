import pg from "pg";

let installed = false;
let sent = 0;

/**
 * Counts the queries this process's `pg` clients send (slonik's and the pools' among them), from
 * now on: the database work per reply, steadier than times on a busy machine, though appends and
 * reads that are batched together still come in fewer queries when the process falls behind, and
 * work deferred past the end of a load is not counted in it.
 */
export function countQueries(): () => number {
  if (!installed) {
    installed = true;
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      sent++;
      return query.apply(this, args);
    } as typeof pg.Client.prototype.query;
  }
  const start = sent;
  return () => sent - start;
}
