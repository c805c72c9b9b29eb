import type pg from "pg";
import type { VectorRecord } from "../../ports/vectorIndex.ts";
import { inTransaction } from "./pgTransaction.ts";
import { upsertSql } from "./vectorIndexSql.ts";
import { encode } from "./vectorScan.ts";

const ROWS_PER_STATEMENT = 500;

/**
 * Writes records into a namespace: in one statement when they are few, else in statements of
 * `ROWS_PER_STATEMENT` within one transaction, so a reader sees all of them or none.
 */
export async function upsertRecords(
  pool: pg.Pool,
  tables: { records: string; namespaces: string },
  namespace: string,
  records: readonly VectorRecord[],
): Promise<void> {
  // One statement may not touch a row twice: the last record with an id wins.
  const latest = [...new Map(records.map((record) => [record.id, record])).values()];
  const write = (client: pg.Pool | pg.PoolClient, start: number) => {
    const chunk = latest.slice(start, start + ROWS_PER_STATEMENT);
    return client.query(upsertSql(tables.records, tables.namespaces), [
      namespace,
      chunk.map((record) => record.id),
      chunk.map((record) => encode(record.values)),
      chunk.map((record) => JSON.stringify(record.metadata)),
    ]);
  };
  if (latest.length <= ROWS_PER_STATEMENT) {
    if (latest.length > 0) await write(pool, 0);
    return;
  }
  await inTransaction(pool, async (client) => {
    for (let start = 0; start < latest.length; start += ROWS_PER_STATEMENT) await write(client, start);
  });
}
