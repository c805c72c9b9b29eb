import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import {
  codesOf,
  collect,
  createAgent,
  gql,
  type Loose,
  listening,
  signToken,
  startTestApi,
  type TestApi,
  wsClient,
} from "./apiHarness.ts";
import { reactorStandIn } from "./reactorStandIn.ts";

const PROGRESS = `subscription { projectionProgress(name: "agents") { name mode } }`;

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
}, 60_000);
afterAll(async () => api?.close());

const seconds = () => Math.floor(Date.now() / 1000);

describe("an admin demoted while connected", () => {
  it("loses admin subscriptions and admin operations; a newer admin token restores them", async () => {
    const asAdmin = await signToken({ sub: "ops-1", admin: true, issuedAt: seconds() - 120 });
    const socket = wsClient(api.wsUrl, asAdmin);
    const progress = collect(socket, PROGRESS, {}, () => false);
    await listening(api, asAdmin);
    expect(codesOf(await gql(api.url, "{ projections { name } }", {}, asAdmin))).toEqual([]);

    const asUser = await signToken({ sub: "ops-1", issuedAt: seconds() - 60 });
    expect((await gql(api.url, "{ me { id } }", {}, asUser)).errors).toBeUndefined();

    await expect(progress.finished).rejects.toMatchObject([{ extensions: { code: "FORBIDDEN" } }]);
    expect(codesOf(await gql(api.url, "{ projections { name } }", {}, asAdmin))).toEqual(["FORBIDDEN"]);
    const again = collect(socket, PROGRESS, {}, () => false);
    await expect(again.finished).rejects.toMatchObject({ errors: [{ extensions: { code: "FORBIDDEN" } }] });
    // The socket itself stays open for what a person may do.
    const me = await new Promise<Loose>((resolve) =>
      socket.subscribe({ query: "{ me { id } }" }, { next: resolve, error: resolve, complete: () => {} }),
    );
    expect(me.data?.me.id).toEqual(expect.any(String));

    const promoted = await signToken({ sub: "ops-1", admin: true, issuedAt: seconds() - 30 });
    expect(codesOf(await gql(api.url, "{ projections { name } }", {}, promoted))).toEqual([]);
    await socket.dispose();
  }, 60_000);

  it("stops watching someone else's picture job, and keeps watching their own", async () => {
    const agentId = await createAgent(api.url, "Noa");
    const userId = async (token: string) => (await gql(api.url, "{ me { id } }", {}, token)).data!.me.id;
    const jobOf = async (owner: string) => {
      const imageJobId = crypto.randomUUID();
      await reactorStandIn(api.system, owner, agentId).imageJob(imageJobId, {
        type: "RequestImageJob",
        kind: "variation",
        agentId,
        userId: owner,
        prompt: "a selfie at the beach",
        basePortraitUrl: "/media/portrait.png",
        requestedBy: owner,
      });
      return imageJobId;
    };
    const asAdmin = await signToken({ sub: "ops-3", admin: true, issuedAt: seconds() - 120 });
    const someoneElses = await jobOf(await userId("dev:someone"));
    const own = await jobOf(await userId(asAdmin));
    const socket = wsClient(api.wsUrl, asAdmin);
    const JOB = `subscription($id: ID!) { imageJobUpdated(id: $id) { id } }`;
    const watchingOther = collect(socket, JOB, { id: someoneElses }, () => false);
    const watchingOwn = collect(socket, JOB, { id: own }, () => false);
    await eventually(async () => watchingOther.items.length > 0 && watchingOwn.items.length > 0);

    await gql(api.url, "{ me { id } }", {}, await signToken({ sub: "ops-3", issuedAt: seconds() - 60 }));
    await expect(watchingOther.finished).rejects.toMatchObject([{ extensions: { code: "FORBIDDEN" } }]);
    let ownFailed = false;
    watchingOwn.finished.catch(() => {
      ownFailed = true;
    });
    await listening(api, asAdmin, 1);
    expect(ownFailed).toBe(false);
    watchingOwn.stop();
    await socket.dispose();
  }, 60_000);

  it("changes nothing for an admin whose newer token is still an admin's", async () => {
    const first = await signToken({ sub: "ops-2", admin: true, issuedAt: seconds() - 120 });
    const socket = wsClient(api.wsUrl, first);
    const progress = collect(socket, PROGRESS, {}, () => false);
    await listening(api, first);
    const newer = await signToken({ sub: "ops-2", admin: true, issuedAt: seconds() - 60 });
    expect(codesOf(await gql(api.url, "{ projections { name } }", {}, newer))).toEqual([]);
    expect(codesOf(await gql(api.url, "{ projections { name } }", {}, first))).toEqual([]);
    await listening(api, first);
    let failed = false;
    progress.finished.catch(() => {
      failed = true;
    });
    progress.stop();
    await progress.finished.catch(() => {});
    expect(failed).toBe(false);
    await socket.dispose();
  }, 60_000);
});
