import type pg from "pg";
import { formatPosition } from "../../src/adapters/postgres/postgresEventRows.ts";
import { type Position, START } from "../../src/ports/eventStore.ts";

/**
 * The position of the last event committed so far. `headPosition` stops short of any transaction
 * still open elsewhere (a projector's batch, say), so a wait for "caught up with the head" taken
 * from it can end before events already committed are projected; this one cannot.
 */
export async function committedHead(raw: pg.Pool): Promise<Position> {
  // Named apart from the columns so that ORDER BY sorts by the typed columns, not the text.
  const { rows } = await raw.query<{ transaction_text: string; position_text: string }>(
    `select e.transaction_id::text as transaction_text, e.global_position::text as position_text from es_events e
     order by e.transaction_id desc, e.global_position desc limit 1`,
  );
  return rows[0] ? formatPosition(rows[0].transaction_text, rows[0].position_text) : START;
}
