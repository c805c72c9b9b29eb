import { Command } from "commander";
import type { CliSystem, StoredEventEncryptionReport } from "./cliSystem.ts";
import { terminalProgress } from "./terminalProgress.ts";

export type { EncryptStoredEventsRun, StoredEventEncryptionReport } from "./cliSystem.ts";

export const EVENTSTOREDB_CANNOT_REWRITE = [
  "EventStoreDB never changes a stored event, so its plaintext cannot be encrypted in place.",
  "New events are encrypted as they are written, and old plaintext still reads as it is.",
  "To encrypt the old events too, copy every stream in order into a new database through withme",
  "(same stream names, revisions and event ids), point EVENTSTOREDB_URL at it, rebuild the read",
  "models, then delete the old database: its scavenge is what finally removes the plaintext.",
].join("\n");

export function formatEncryptionReport(report: StoredEventEncryptionReport): string {
  const verb = report.dryRun ? "would be" : "were";
  return [
    `encrypt-events${report.dryRun ? " (dry run: nothing written)" : ""}`,
    `  events with personal fields examined  ${report.examined}`,
    `  events encrypted                      ${report.encrypted} (${report.fields} plaintext fields, ${report.people} people)`,
    `  events of erased people redacted      ${report.redacted}`,
    ...(report.unattributed > 0
      ? [`  left as they are: ${report.unattributed} personal events in streams that name no person`]
      : []),
    report.encrypted + report.redacted === 0
      ? "  every personal field is already encrypted"
      : `  event ids, revisions and positions ${verb} kept; read models need no rebuild`,
  ].join("\n");
}

/** `withme encrypt-events`: encrypts personal fields written before encryption was on. */
export function encryptEventsCommand(open: () => Promise<CliSystem>): Command {
  return new Command("encrypt-events")
    .description(
      "encrypt personal fields stored in plaintext before encryption was on (PostgreSQL: in place)",
    )
    .option("--dry-run", "count what would be encrypted; change nothing and make no keys")
    .action(async (options: { dryRun?: boolean }) => {
      const system = await open();
      const progress = terminalProgress("encrypt-events", "events");
      try {
        if (!system.encryptStoredEvents) {
          console.error(
            system.eventStore.name === "eventstoredb"
              ? EVENTSTOREDB_CANNOT_REWRITE
              : "withme: this event store has no in-place encryption",
          );
          process.exitCode = 1;
          return;
        }
        const report = await system.encryptStoredEvents({
          dryRun: options.dryRun ?? false,
          signal: system.lifecycle.signal,
          onProgress: progress.onProgress,
        });
        progress.stop();
        console.log(formatEncryptionReport(report));
        if (system.lifecycle.signal.aborted) process.exitCode = 1;
      } finally {
        progress.stop();
        await system.lifecycle.stop();
      }
    });
}
