import cliProgress from "cli-progress";
import type { RebuildProgress, RebuildReport } from "../../projections/runner/rebuild.ts";
import type { ProjectionStatus } from "../../projections/runner/status.ts";

/** A plain text table: a header row, a rule, and left-aligned columns. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(cells[0]!), line(widths.map((w) => "-".repeat(w))), ...cells.slice(1).map(line)].join("\n");
}

/** `withme projections`: every projection's generation, checkpoint, lag and status. */
export function formatStatuses(statuses: ProjectionStatus[]): string {
  return formatTable(
    ["name", "version", "generation", "checkpoint", "lag events", "lag seconds", "status"],
    statuses.map((s) => [
      s.name,
      s.liveVersion === null || s.liveVersion === s.version ? s.version : `${s.liveVersion} → ${s.version}`,
      `${s.liveGeneration ?? "-"}${s.buildingGeneration === null ? "" : ` (building ${s.buildingGeneration})`}`,
      s.checkpoint ?? "-",
      s.lagEvents,
      s.lagSeconds.toFixed(1),
      s.error ? `${s.status}: ${String(s.error.message ?? "")}` : s.status,
    ]),
  );
}

/** After a rebuild: what switched, and for a dry run every table compared with the live one. */
export function formatRebuildReports(reports: RebuildReport[], dryRun: boolean): string {
  if (!dryRun) {
    return formatTable(
      ["projection", "generation", "resumed", "switched"],
      reports.map((r) => [r.name, r.generation, r.resumed ? "yes" : "no", r.switched ? "yes" : "no"]),
    );
  }
  return formatTable(
    ["projection", "table", "live rows", "built rows", "live checksum", "built checksum", "equal"],
    reports.flatMap((r) =>
      (r.comparison ?? []).map((c) => [
        r.name,
        c.table,
        c.liveRows,
        c.builtRows,
        c.liveChecksum,
        c.builtChecksum,
        c.equal ? "yes" : "NO",
      ]),
    ),
  );
}

/** A progress bar on stderr with events per second and the time left. */
export function rebuildProgressBar(): { update(progress: RebuildProgress): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    {
      format:
        "rebuild [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}",
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      const rate = Math.round(progress.eventsPerSecond);
      if (!started) {
        started = true;
        bar.start(progress.total, progress.applied, { rate });
      }
      bar.setTotal(progress.total);
      bar.update(progress.applied, { rate });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
