import { type CommonQueryMethods, sql } from "slonik";
import { pageSize, readModel, readRow, readRows } from "../runner/readRows.ts";
import { type ImageJobStatus, type ImageJobView, imageJobRow, toImageJobView } from "./rows.ts";

export type { ImageJobStatus, ImageJobView } from "./rows.ts";

const table = readModel("image_jobs");

export async function getImageJob(
  db: CommonQueryMethods,
  args: { id: string },
): Promise<ImageJobView | null> {
  const row = await readRow(db, imageJobRow, sql.fragment`from ${table} t where t.id = ${args.id}`);
  return row ? toImageJobView(row) : null;
}

/** An agent's image jobs, newest first (20 unless asked otherwise, at most 200). */
export async function listImageJobsForAgent(
  db: CommonQueryMethods,
  args: { agentId: string; limit?: number },
): Promise<ImageJobView[]> {
  const rows = await readRows(
    db,
    imageJobRow,
    sql.fragment`from ${table} t where t.agent_id = ${args.agentId}
      order by t.requested_at desc, t.id desc limit ${pageSize(args.limit, 20, 200)}`,
  );
  return rows.map(toImageJobView);
}

/** The latest image jobs of all agents, newest first, optionally only those in one status. */
export async function listRecentImageJobs(
  db: CommonQueryMethods,
  args: { limit?: number; status?: ImageJobStatus } = {},
): Promise<ImageJobView[]> {
  const status = args.status ? sql.fragment`where t.status = ${args.status}` : sql.fragment``;
  const rows = await readRows(
    db,
    imageJobRow,
    sql.fragment`from ${table} t ${status} order by t.requested_at desc, t.id desc
      limit ${pageSize(args.limit, 20, 200)}`,
  );
  return rows.map(toImageJobView);
}

/** The ids of a person's image jobs, for erasure to find their live topics. */
export async function listImageJobIdsOfUser(
  db: CommonQueryMethods,
  args: { userId: string },
): Promise<string[]> {
  const rows = await readRows(
    db,
    imageJobRow,
    sql.fragment`from ${table} t where t.user_id = ${args.userId}`,
  );
  return rows.map((row) => row.id);
}

/** The pictures made for a person, for their data export. */
export async function listImageUrlsOfUser(
  db: CommonQueryMethods,
  args: { userId: string },
): Promise<string[]> {
  return urlsOfUser(db, args.userId, sql.fragment``);
}

/**
 * The pictures erasing a person deletes: theirs, less any file another person's job also points
 * to (files are named by their content, so byte-identical pictures of two people are one file).
 */
export async function listImageUrlsOnlyOfUser(
  db: CommonQueryMethods,
  args: { userId: string },
): Promise<string[]> {
  return urlsOfUser(
    db,
    args.userId,
    sql.fragment`and not exists (select 1 from ${table} o where o.url = t.url and o.user_id is distinct from ${args.userId})`,
  );
}

async function urlsOfUser(
  db: CommonQueryMethods,
  userId: string,
  also: ReturnType<typeof sql.fragment>,
): Promise<string[]> {
  const rows = await readRows(
    db,
    imageJobRow,
    sql.fragment`from ${table} t where t.user_id = ${userId} and t.url is not null ${also}`,
  );
  return [...new Set(rows.flatMap((row) => (row.url ? [row.url] : [])))];
}
