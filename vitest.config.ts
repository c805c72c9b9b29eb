import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { SlowFilesFirst } from "./test/support/slowFilesFirst.ts";

// Most test files wait on PostgreSQL, child processes or a browser much of the time, so one file
// per core leaves the cores idle: run one more than there are cores (Vitest's default is one
// fewer, which is a single file at a time on a two-core machine).
const maxWorkers = availableParallelism() + 1;

// Every test worker, and every withme process a test starts, loads much the same modules: Node
// keeps their compiled code here for the next one (see test/support/compileCache.ts).
process.env.NODE_COMPILE_CACHE ??= path.join(tmpdir(), "withme-test-compile-cache");

export default defineConfig({
  test: {
    maxWorkers,
    sequence: { sequencer: SlowFilesFirst },
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.unit.test.ts", "client/**/*.unit.test.ts"],
          isolate: false,
          // A test that starts a worker thread or renders a picture can take more than Vitest's
          // five-second default when every core is busy; the timeout only bounds a hang.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "int",
          include: ["test/**/*.int.test.ts"],
          globalSetup: ["test/support/postgresGlobalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // As in the e2e project: the files share the modules they import in each worker instead
          // of loading them again per file (most of a short file's time); each makes its own database.
          isolate: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/**/*.e2e.test.ts"],
          // Each file starts its own server on a free port with its own database.
          globalSetup: ["test/support/postgresGlobalSetup.ts", "test/support/clientBuildGlobalSetup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A poll waits for a condition, as `eventually` does: Vitest's one-second default is a
          // timed assertion that fails only when the machine is busy.
          expect: { poll: { timeout: 30_000 } },
          // The files share the modules they import in each worker instead of loading the whole
          // system again per file; each starts and stops its own server on its own database.
          isolate: false,
        },
      },
    ],
  },
});
