import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allProjections } from "../../projections/index.ts";
import { projectionStatuses } from "../../projections/runner/status.ts";
import { erasureSweepInterval } from "../../src/composition/accountPrivacy.ts";
import { projectorDependencies } from "../../src/composition/roles.ts";
import { gql, startTestApi, type TestApi } from "../graphql/apiHarness.ts";
import { eventually } from "../support/coreHarness.ts";

describe("a deletion falls due within the grace period's own time, not a fixed minute later", () => {
  it("sweeps as often as the grace period is short, at most once a minute", () => {
    expect(erasureSweepInterval(86_400_000)).toBe(60_000);
    expect(erasureSweepInterval(5_000)).toBe(5_000);
    expect(erasureSweepInterval(1)).toBe(1_000);
  });

  describe("with a one-second grace", () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ WITHME_ACCOUNT_DELETION_GRACE_SECONDS: "1" }, [
        "api",
        "projector",
        "worker",
      ]);
    }, 60_000);
    afterAll(async () => api?.close());

    it("erases the person soon after", async () => {
      const token = "dev:quick-goodbye";
      const first = await gql(api.url, "{ me { id } }", {}, token);
      expect(first.errors).toBeUndefined();
      const firstId = (first.data?.me as { id: string } | undefined)?.id;
      expect(firstId).toBeDefined();
      // The sweep finds due deletions in a read model, which the projector builds with all the others
      // as the server starts: seconds on a busy machine, which the wait below is not about.
      await eventually(async () => {
        const statuses = await projectionStatuses(projectorDependencies(api.system), allProjections);
        return statuses.every((s) => s.status === "running" && s.lagEvents === 0);
      }, 60_000);
      expect(
        (await gql(api.url, "mutation { deleteMyAccount { dueAt } }", {}, token)).errors,
      ).toBeUndefined();
      // Once erased, the same sign-in is a new, empty account.
      await eventually(async () => {
        const me = await gql(api.url, "{ me { id } }", {}, token);
        return (me.data?.me as { id: string } | undefined)?.id !== firstId;
      }, 20_000);
      expect(
        (await gql(api.url, "{ myAccountDeletion { dueAt } }", {}, token)).data?.myAccountDeletion,
      ).toBeNull();
    }, 40_000);
  });
});
