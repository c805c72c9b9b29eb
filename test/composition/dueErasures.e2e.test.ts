import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { erasureSweepInterval } from "../../src/composition/accountPrivacy.ts";
import { codesOf, gql, startTestApi, type TestApi } from "../graphql/apiHarness.ts";
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
      expect((await gql(api.url, "{ me { id } }", {}, token)).errors).toBeUndefined();
      expect(
        (await gql(api.url, "mutation { deleteMyAccount { dueAt } }", {}, token)).errors,
      ).toBeUndefined();
      await eventually(async () => {
        const me = await gql(api.url, "{ me { id } }", {}, token);
        return codesOf(me).includes("UNAUTHENTICATED");
      }, 20_000);
    }, 40_000);
  });
});
