import { describe, expect, it } from "vitest";
import { formatRebuildReports, formatStatuses, formatTable } from "../../src/cli/projectionReports.ts";

describe("console reports", () => {
  it("lines columns up under a header and a rule", () => {
    expect(
      formatTable(
        ["name", "n"],
        [
          ["users", 3],
          ["image_jobs", 12],
        ],
      ),
    ).toBe(["name        n", "----------  --", "users       3", "image_jobs  12"].join("\n"));
  });

  it("shows generation, lag and a failed projection's reason", () => {
    const text = formatStatuses([
      {
        name: "messages",
        version: 2,
        liveVersion: 1,
        liveGeneration: 3,
        buildingGeneration: 4,
        checkpoint: "10:20",
        eventsApplied: 20,
        lagEvents: 5,
        lagSeconds: 1.25,
        status: "failed",
        error: { message: "boom" },
        lastEventAt: null,
      },
    ]);
    expect(text.split("\n")[2]).toBe(
      "messages  1 → 2    3 (building 4)  10:20       5           1.3          failed: boom",
    );
  });

  it("marks tables a dry run found different", () => {
    const table = (equal: boolean) => ({
      table: "messages",
      liveRows: 2,
      builtRows: equal ? 2 : 3,
      liveChecksum: "1",
      builtChecksum: equal ? "1" : "2",
      equal,
    });
    const text = formatRebuildReports(
      [
        {
          name: "messages",
          generation: 2,
          switched: false,
          resumed: false,
          comparison: [table(true), table(false)],
        },
      ],
      true,
    );
    expect(
      text
        .split("\n")
        .slice(2)
        .map((line) => line.split(/\s+/).at(-1)),
    ).toEqual(["yes", "NO"]);
  });
});
