import type pg from "pg";

/**
 * Runs `work` between `begin` and `commit` on a client the caller holds (one that keeps a session
 * lock across transactions, say). On a throw it rolls back and rethrows the work's own error; a
 * rollback that fails too is handed to `onRollbackFailure`, as the connection is then in an
 * unknown state and must not serve anyone else.
 */
export async function transactionOn<Client extends pg.ClientBase, T>(
  client: Client,
  work: (client: Client) => Promise<T>,
  onRollbackFailure: (failure: Error) => void = () => {},
): Promise<T> {
  try {
    await client.query("begin");
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch((failure: unknown) => {
      onRollbackFailure(failure instanceof Error ? failure : new Error(String(failure)));
    });
    throw error;
  }
}

/**
 * Runs `work` in a transaction on a client of its own from the pool, and gives the client back
 * afterwards; one that could not roll back is destroyed (`release(error)`) rather than reused.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await transactionOn(client, work, (failure) => {
      broken = failure;
    });
  } finally {
    client.release(broken);
  }
}
