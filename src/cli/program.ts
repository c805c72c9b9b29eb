import { writeFileSync } from "node:fs";
import { Command, InvalidArgumentError, Option } from "commander";
import { allProjections, projectionsNamed } from "../../projections/index.ts";
import { RebuildFailedError } from "../../projections/runner/catchUp.ts";
import { rebuildProjections } from "../../projections/runner/rebuild.ts";
import { projectionStatuses } from "../../projections/runner/status.ts";
import { loadConfig } from "../config/config.ts";
import { printWithmeSchema } from "../graphql/schema.ts";
import { START } from "../ports/eventStore.ts";
import { agentsCommand } from "./agentCommands.ts";
import { cardCommands } from "./cardCommands.ts";
import type { CliRuntime, Role } from "./cliSystem.ts";
import { formatDoctorReport } from "./doctor.ts";
import { encryptEventsCommand } from "./encryptEvents.ts";
import { formatRebuildReports, formatStatuses, rebuildProgressBar } from "./projectionReports.ts";
import { reembedCommand } from "./reembed.ts";
import { parseAsOf, streamAsOf } from "./streamAsOf.ts";

export type { CliRuntime, CliSystem, Role } from "./cliSystem.ts";

/** The withme command line: serving roles, and tools for operators. */
export function buildCli(runtime: CliRuntime): Command {
  const program = new Command("withme")
    .description("withme: persona agents with a life of their own")
    .showHelpAfterError();
  const serve = (roles: readonly Role[]) => () => runtime.serve(loadConfig(), roles);
  const open = () => runtime.open(loadConfig());
  program
    .command("all", { isDefault: true })
    .description("every role in one process: API, projector and workers")
    .action(serve(["api", "projector", "worker"]));
  program
    .command("api")
    .description("the GraphQL API and HTTP endpoints")
    .action(serve(["api"]));
  program
    .command("projector")
    .description("keeps the read models up to date")
    .action(serve(["projector"]));
  program
    .command("worker")
    .description("reactors and the scheduler")
    .action(serve(["worker"]));
  program
    .command("schema")
    .description("print the GraphQL schema from the code into schema.graphql")
    .action(() => {
      const file = new URL("../../schema.graphql", import.meta.url);
      writeFileSync(file, printWithmeSchema());
      console.log(`wrote ${file.pathname}`);
    });
  program
    .command("doctor")
    .description("show which adapter serves each port, and why")
    .action(() => {
      const config = loadConfig();
      console.log(formatDoctorReport(runtime.adapters(config), config.WITHME_ENV));
    });
  program
    .command("migrate")
    .description("apply database migrations and exit")
    .action(async () => {
      const system = await open();
      await system.lifecycle.stop();
    });
  program
    .command("stream <streamId>")
    .description("print one stream's events")
    .option(
      "--as-of <time|revision>",
      "only the events up to a time or revision; for a conversation, then its path, mood and affinity as they were",
      parseAsOf,
    )
    .action(async (streamId: string, options: { asOf?: ReturnType<typeof parseAsOf> }) => {
      const system = await open();
      try {
        // An empty answer would read as a stream with no events: a mistyped id must not look so.
        if ((await system.eventStore.streamRevision(streamId)) === null) {
          console.error(`withme: there is no stream ${streamId}`);
          process.exitCode = 1;
        } else if (options.asOf) {
          const lines = await streamAsOf(
            system.eventStore,
            system.projector.catalogue,
            streamId,
            options.asOf,
          );
          for (const line of lines) console.log(line);
        } else
          for (const event of await system.eventStore.readStream(streamId))
            console.log(JSON.stringify(event));
      } finally {
        await system.lifecycle.stop();
      }
    });
  program
    .command("events")
    .description("the global order of all events")
    .command("tail")
    .description("follow all events, one JSON line each, until interrupted")
    .addOption(
      new Option("--from <where>", "begin at the first event or only show new ones")
        .choices(["start", "head"])
        .default("head"),
    )
    .action(async (options: { from: "start" | "head" }) => {
      const system = await open();
      const { eventStore, lifecycle } = system;
      const after = options.from === "start" ? START : await eventStore.headPosition();
      for await (const events of eventStore.subscribeToAll({ after, signal: lifecycle.signal })) {
        for (const event of events) console.log(JSON.stringify(event));
      }
      await lifecycle.stop();
    });
  program
    .command("projections")
    .description("every read model: version, generation, checkpoint, lag and status")
    .action(async () => {
      const system = await open();
      console.log(formatStatuses(await projectionStatuses(system.projector, allProjections)));
      await system.lifecycle.stop();
    });
  program
    .command("rebuild")
    .description("rebuild a read model (or all) beside the live one from every event, then switch to it")
    .argument("<projection>", "a projection's name, or all", (name: string) => {
      if (name !== "all" && !allProjections.some((p) => p.name === name))
        throw new InvalidArgumentError(
          `choose one of ${allProjections.map((p) => p.name).join(", ")} or all`,
        );
      return name;
    })
    .option("--dry-run", "build, compare every table with the live one, and keep the live one")
    .option("--restart", "throw away a half-built generation instead of resuming it")
    .action(async (name: string, options: { dryRun?: boolean; restart?: boolean }) => {
      const definitions = projectionsNamed(name);
      const system = await open();
      const bar = rebuildProgressBar();
      try {
        const reports = await rebuildProjections(system.projector, definitions, {
          dryRun: options.dryRun ?? false,
          restart: options.restart ?? false,
          signal: system.lifecycle.signal,
          onProgress: (progress) => bar.update(progress),
        });
        bar.stop();
        if (reports.length === 0) console.log("rebuild: interrupted before it started; run it again");
        else console.log(formatRebuildReports(reports, options.dryRun ?? false));
        const different = reports.flatMap((r) => r.comparison ?? []).some((c) => !c.equal);
        if (different || system.lifecycle.signal.aborted) process.exitCode = 1;
      } catch (error) {
        bar.stop();
        if (!(error instanceof RebuildFailedError)) throw error;
        console.error(`withme: ${error.message}; the live read model is untouched`);
        process.exitCode = 1;
      } finally {
        await system.lifecycle.stop();
      }
    });
  program.addCommand(encryptEventsCommand(open));
  program.addCommand(reembedCommand(open));
  program.addCommand(agentsCommand(open));
  for (const command of cardCommands(open)) program.addCommand(command);
  return program;
}
