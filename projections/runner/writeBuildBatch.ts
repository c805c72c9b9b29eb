import type pg from "pg";
import { inTransaction } from "../../src/adapters/postgres/pgTransaction.ts";
import type { ProjectionEvent } from "../../src/ports/eventStore.ts";
import { checkMoved, moveCheckpoints } from "./checkpointMoves.ts";
import { runStatement, writeCopying } from "./copyRows.ts";
import type { Target } from "./targets.ts";

/**
 * `writeBatch` for targets being built, on a plain `pg` connection so that rows known to be new
 * go in by COPY. A crash may lose the last batches together with their checkpoint (the commit is
 * not waited for on disk): the build resumes there.
 */
export async function writeBuildBatch(
  raw: pg.Pool,
  targets: Target[],
  events: { last: ProjectionEvent; count: number },
): Promise<void> {
  const { last, count } = events;
  for (const target of targets) target.rows.seal();
  const writes = targets.map((target) => target.rows.sealedWrites());
  for (const [i, target] of targets.entries()) await target.keys?.beforeWrite(writes[i]!);
  await inTransaction(raw, async (client) => {
    await client.query("set local synchronous_commit = off");
    checkMoved(targets, (await runStatement(client, moveCheckpoints(targets, last, count))).rows);
    for (const tableWrites of writes) await writeCopying(client, tableWrites);
  });
  for (const target of targets) {
    target.rows.commit();
    target.checkpoint = last.position;
  }
}
