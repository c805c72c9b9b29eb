import { describe, expect, it } from "vitest";
import { DevTokenAuthenticator } from "../../src/adapters/local/devTokenAuthenticator.ts";
import { InMemoryEventStore } from "../../src/adapters/memory/inMemoryEventStore.ts";
import { CommandHandler } from "../../src/application/commandHandler.ts";
import { EventLog } from "../../src/application/eventLog.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { Viewers } from "../../src/graphql/viewers.ts";

const viewers = () =>
  new Viewers(
    new DevTokenAuthenticator(),
    new CommandHandler(new EventLog(new InMemoryEventStore(), catalogue)),
    { now: () => new Date("2026-06-10T10:00:00.000Z"), sleep: async () => {} },
  );

describe("signing in with a dev token", () => {
  it("makes exactly `dev` the admin and `dev:<name>` a person", async () => {
    const signIn = viewers();
    expect(await signIn.fromAuthorization("Bearer dev", null)).toMatchObject({ role: "admin" });
    expect(await signIn.fromAuthorization("Bearer dev:sam", null)).toMatchObject({
      role: "user",
      principal: { subject: "dev:sam" },
    });
  });

  it.each([
    "Bearer DEV",
    "Bearer Dev",
    "Bearer dEv",
    "Bearer DEV:sam",
    "Bearer  dev",
    "Bearer dev ",
    "Bearer \tdev\t",
    "Bearer dev\n",
    " Bearer dev",
  ])("refuses %j as unauthenticated", async (authorization) => {
    await expect(viewers().fromAuthorization(authorization, null)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });
});
