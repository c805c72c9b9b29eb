import { type CommonQueryMethods, sql } from "slonik";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { readModel, readRows } from "../runner/readRows.ts";
import { affinityDeltaRow } from "./projection.ts";

export interface AffinityPoint {
  at: string;
  /** The change applied (after the turn limit and the bounds). */
  delta: number;
  requestedDelta: number;
  /** Affinity after the change, -100..100. */
  value: number;
  reason: string;
  revision: number;
}

/** A conversation's affinity changes in time order, optionally from `from` (inclusive) to `to` (exclusive). */
export async function listAffinityDeltas(
  db: CommonQueryMethods,
  args: { userId: string; agentId: string; from?: string; to?: string },
): Promise<AffinityPoint[]> {
  const streamId = conversationStreamId(args.userId, args.agentId);
  const from = args.from ? sql.fragment`and t.at >= ${args.from}::timestamptz` : sql.fragment``;
  const to = args.to ? sql.fragment`and t.at < ${args.to}::timestamptz` : sql.fragment``;
  const rows = await readRows(
    db,
    affinityDeltaRow,
    sql.fragment`from ${readModel("affinity_deltas")} t where t.stream_id = ${streamId} ${from} ${to}
      order by t.at, t.revision`,
  );
  return rows.map((r) => ({
    at: r.at,
    delta: r.delta,
    requestedDelta: r.requested_delta,
    value: r.value,
    reason: r.reason,
    revision: r.revision,
  }));
}
