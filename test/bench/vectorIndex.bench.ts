import pg from "pg";
import { migrate } from "../../src/adapters/postgres/migrations.ts";
import { PostgresVectorIndex } from "../../src/adapters/postgres/postgresVectorIndex.ts";
import { vectorIndexMigrations } from "../../src/adapters/postgres/vectorIndexMigrations.ts";
import type { VectorQuery, VectorRecord } from "../../src/ports/vectorIndex.ts";
import { seededVector } from "../support/vectorIndexContract.ts";
import { benchPostgres, percentile, report, timed } from "./support.ts";

const RECORDS = 10_000;
const DIMENSIONS = 512;
const QUERIES = 300;
const TOP_K = 10;
const NAMESPACE = "memory.bench-user.bench-agent";

/** The baseline: unit rows in one Float32Array, a dot product per row, the best `topK` kept in order. */
function bareScan(rows: Float32Array, query: Float32Array, topK: number): number[] {
  const best: { row: number; score: number }[] = [];
  for (let row = 0, offset = 0; offset < rows.length; row++, offset += DIMENSIONS) {
    let score = 0;
    for (let j = 0; j < DIMENSIONS; j++) score += rows[offset + j]! * query[j]!;
    if (best.length === topK && score <= best[topK - 1]!.score) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { row, score });
    if (best.length > topK) best.pop();
  }
  return best.map((b) => b.row);
}

function unit(values: readonly number[]): Float32Array {
  const vector = Float32Array.from(values);
  const norm = Math.hypot(...vector);
  return vector.map((v) => v / norm);
}

async function latencies(count: number, work: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push((await timed(async () => work(i))).ms);
  return samples;
}

/** Query latency of the PostgreSQL vector index over 10k vectors against a bare in-process scan. */
export default async function vectorIndexBench(): Promise<void> {
  const postgres = await benchPostgres();
  const pool = new pg.Pool({ connectionString: postgres.url, max: 4 });
  try {
    await migrate(pool, vectorIndexMigrations);
    const index = new PostgresVectorIndex(pool, { dimensions: DIMENSIONS });
    const records: VectorRecord[] = Array.from({ length: RECORDS }, (_, i) => ({
      id: `event-${i}`,
      values: seededVector(i + 1, DIMENSIONS),
      metadata: { kind: i % 3 === 0 ? "fact" : "summary", turn: i, tags: ["bench"] },
    }));
    const write = await timed(() => index.upsert(NAMESPACE, records));

    const rows = new Float32Array(RECORDS * DIMENSIONS);
    for (const [i, record] of records.entries()) rows.set(unit(record.values), i * DIMENSIONS);
    const queries = Array.from({ length: QUERIES }, (_, i) => seededVector(1_000_000 + i, DIMENSIONS));
    const unitQueries = queries.map(unit);

    // A fresh instance reads and decodes the namespace on its first query, as after another process wrote.
    const cold = await latencies(5, () =>
      new PostgresVectorIndex(pool, { dimensions: DIMENSIONS }).query(NAMESPACE, {
        vector: queries[0]!,
        topK: TOP_K,
      }),
    );
    const plain = (i: number): VectorQuery => ({ vector: queries[i]!, topK: TOP_K });
    const filtered = (i: number): VectorQuery => ({
      ...plain(i),
      filter: { kind: { $eq: "fact" }, turn: { $gte: 100 } },
    });
    await latencies(20, (i) => index.query(NAMESPACE, plain(i)));
    await latencies(20, (i) => bareScan(rows, unitQueries[i]!, TOP_K));

    const bare = await latencies(QUERIES, (i) => bareScan(rows, unitQueries[i]!, TOP_K));
    const adapter = await latencies(QUERIES, (i) => index.query(NAMESPACE, plain(i)));
    const withFilter = await latencies(QUERIES, (i) => index.query(NAMESPACE, filtered(i)));

    const same = (await index.query(NAMESPACE, plain(0))).map((m) => m.id);
    const expected = bareScan(rows, unitQueries[0]!, TOP_K).map((row) => `event-${row}`);
    if (same.join() !== expected.join())
      throw new Error("the index and the bare scan disagree on the neighbours");

    const ms = (value: number) => `${value.toFixed(2)} ms`;
    const bareP50 = percentile(bare, 50);
    report(`vector index (PostgreSQL adapter, ${RECORDS} vectors × ${DIMENSIONS} dimensions, top ${TOP_K})`, [
      {
        name: `query p50 (${QUERIES} queries)`,
        value: ms(percentile(adapter, 50)),
        baseline: `${ms(bareP50)} bare in-process scan`,
        ratio: percentile(adapter, 50) / bareP50,
        target: "≤ 2× the scan's time",
      },
      { name: "query p95", value: ms(percentile(adapter, 95)), baseline: ms(percentile(bare, 95)) },
      {
        name: "query p50 with a metadata filter",
        value: ms(percentile(withFilter, 50)),
        baseline: `${ms(bareP50)} bare scan without filter`,
        ratio: percentile(withFilter, 50) / bareP50,
      },
      { name: "first query of a process (load + decode)", value: ms(percentile(cold, 50)) },
      { name: `upsert of ${RECORDS} records`, value: ms(write.ms) },
    ]);
  } finally {
    await pool.end();
    await postgres.cleanup();
  }
}
