import type pg from "pg";
import type { Migration } from "./migrations.ts";

export const vectorGenerationMigrations: Migration[] = [
  {
    id: "vectors/0002-generations",
    sql: `
-- The namespace generation recall reads for an index kept outside the database (Pinecone):
-- \`withme reembed\` fills the next generation beside the live one, then switches here.
create table vector_index_generations (
  index_name text primary key,
  live integer not null
);
`,
  },
];

/** The live namespace generation of an external vector index, as every process reads it. */
export class PostgresVectorGenerations {
  readonly #pool: pg.Pool;
  readonly #indexName: string;

  constructor(pool: pg.Pool, indexName: string) {
    this.#pool = pool;
    this.#indexName = indexName;
  }

  /** 0 until a rebuild switched: the namespaces written before generations existed. */
  async live(): Promise<number> {
    const { rows } = await this.#pool.query<{ live: number }>(
      "select live from vector_index_generations where index_name = $1",
      [this.#indexName],
    );
    return rows[0]?.live ?? 0;
  }

  async switchTo(generation: number): Promise<void> {
    await this.#pool.query(
      `insert into vector_index_generations (index_name, live) values ($1, $2)
       on conflict (index_name) do update set live = excluded.live`,
      [this.#indexName, generation],
    );
  }
}
