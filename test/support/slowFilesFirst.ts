import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take tens of seconds, longest first. Vitest starts the files it has timed before
 * longest first, but a clean checkout has no timings, and it then starts the largest files first:
 * these are small, so they would start last and the suite would end waiting on one of them.
 */
const SLOW_FILES = [
  "test/adapters/eventstoredb/eventStoreDbEventStore.int.test.ts",
  "test/cli/startupErrors.int.test.ts",
  "test/application/engine/memoryRecall/memoryRecall.int.test.ts",
  "test/projections/acceptance/crashSafety.int.test.ts",
  "test/adapters/postgres/postgresEventStore.int.test.ts",
  "test/http/requestFuzz.int.test.ts",
  "test/projections/acceptance/determinism.int.test.ts",
  "test/client/conversationTree.e2e.test.ts",
  "test/client/chat.e2e.test.ts",
  "test/client/admin.e2e.test.ts",
  "test/client/pictureLinks.e2e.test.ts",
  "test/runtime/shutdown.e2e.test.ts",
  "test/runtime/multiProcessRedis.e2e.test.ts",
  "test/runtime/multiProcess.e2e.test.ts",
  "test/graphql/slowSubscribers.e2e.test.ts",
  "test/graphql/longWorkResponsiveness.e2e.test.ts",
  "test/application/engine/memoryRecall/introductionRecall.int.test.ts",
];

/**
 * The projects with the longest files first, and the unit files last, where their many short
 * files fill the worker slots that the others leave free one after another.
 */
const PROJECT_ORDER = ["int", "e2e", "unit"];

function rank(list: readonly string[], item: string): number {
  const index = list.indexOf(item);
  return index === -1 ? list.length : index;
}

export class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const slowness = (spec: TestSpecification) =>
      rank(SLOW_FILES, spec.moduleId.slice(root.length + 1).replaceAll("\\", "/"));
    return sorted.sort(
      (a, b) =>
        rank(PROJECT_ORDER, a.project.name) - rank(PROJECT_ORDER, b.project.name) ||
        slowness(a) - slowness(b),
    );
  }
}
