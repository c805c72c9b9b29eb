import pg from "pg";

let installed = false;
let sent = 0;

/**
 * Counts the queries this process's `pg` clients send (slonik's and the pools' among them), from
 * now on: a measure of the database work per reply that other load on the machine does not blur.
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
