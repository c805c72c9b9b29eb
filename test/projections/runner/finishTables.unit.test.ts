import { describe, expect, it } from "vitest";
import { affinityDeltasProjection } from "../../../projections/affinity_deltas/projection.ts";
import { moodHistoryProjection } from "../../../projections/mood_history/projection.ts";
import { analyzeStatement } from "../../../projections/runner/finishTables.ts";
import type { TablePlan } from "../../../projections/runner/tablePlans.ts";

const plan = (columns: string[], json: string[]): TablePlan => ({
  definition: { name: "notes", columns: "", primaryKey: ["id"] },
  columns,
  jsonColumns: new Set(json),
});

describe("statistics of a built table", () => {
  it("are gathered on every column but the json and jsonb ones", () => {
    expect(analyzeStatement("proj_notes_g2", plan(["id", "tags", "text", "window"], ["tags"]))).toBe(
      'analyze "proj_notes_g2"."notes" ("id", "text", "window")',
    );
  });

  it("are gathered on the columns the table names as planned on, when it names them", () => {
    const named = plan(["id", "tags", "text", "window"], ["tags"]);
    named.definition.statistics = ["id", "window"];
    expect(analyzeStatement("proj_notes_g2", named)).toBe('analyze "proj_notes_g2"."notes" ("id", "window")');
  });

  it("are gathered on the whole table when it has json columns only", () => {
    expect(analyzeStatement("proj_notes_g2", plan(["doc"], ["doc"]))).toBe('analyze "proj_notes_g2"."notes"');
  });

  it("of a conversation's time series are gathered on the columns its pages filter and sort on", () => {
    for (const projection of [affinityDeltasProjection, moodHistoryProjection]) {
      const definition = projection.tables[0]!;
      const series: TablePlan = {
        definition,
        columns: ["stream_id", "revision", "at", "reason"],
        jsonColumns: new Set(),
      };
      expect(analyzeStatement("proj_g1", series)).toBe(
        `analyze "proj_g1"."${definition.name}" ("stream_id", "at", "revision")`,
      );
    }
  });
});
