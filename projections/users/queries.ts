import { type CommonQueryMethods, sql } from "slonik";
import { pageSize, readModel, readRow, readRows } from "../runner/readRows.ts";
import { accountDeletionRow, toUserView, type UserView, userRow } from "./rows.ts";

export type { UserView } from "./rows.ts";

/** One person by their id, or null. */
export async function getUserById(db: CommonQueryMethods, args: { id: string }): Promise<UserView | null> {
  const row = await readRow(db, userRow, sql.fragment`from ${readModel("users")} t where t.id = ${args.id}`);
  return row ? toUserView(row) : null;
}

/** The person who signs in as this identity-provider subject, or null when they have not registered. */
export async function getUserBySubject(
  db: CommonQueryMethods,
  args: { subject: string },
): Promise<UserView | null> {
  const row = await readRow(
    db,
    userRow,
    sql.fragment`from ${readModel("users")} t where t.subject = ${args.subject} order by t.registered_at, t.id`,
  );
  return row ? toUserView(row) : null;
}

/** The people with these ids that have registered. */
export async function listUsersByIds(
  db: CommonQueryMethods,
  args: { ids: readonly string[] },
): Promise<UserView[]> {
  if (args.ids.length === 0) return [];
  const rows = await readRows(
    db,
    userRow,
    sql.fragment`from ${readModel("users")} t where t.id = any(${sql.array([...args.ids], "text")}) order by t.id`,
  );
  return rows.map(toUserView);
}

/** People whose requested account deletion is due at `now`. */
export async function listDueAccountDeletions(
  db: CommonQueryMethods,
  args: { now: Date; limit?: number },
): Promise<string[]> {
  const rows = await readRows(
    db,
    accountDeletionRow,
    sql.fragment`from ${readModel("account_deletions")} t where t.due_at <= ${args.now.toISOString()}
      order by t.due_at limit ${pageSize(args.limit, 100, 1000)}`,
  );
  return rows.map((row) => row.user_id);
}
