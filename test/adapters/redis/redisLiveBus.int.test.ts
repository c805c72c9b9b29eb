import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { describe } from "vitest";
import { RedisLiveBus } from "../../../src/adapters/redis/redisLiveBus.ts";
import { describeLiveBusContract, type LiveBusSubject } from "../../support/liveBusContract.ts";

const url = process.env.TEST_REDIS_URL;

async function setup(serverUrl: string): Promise<LiveBusSubject> {
  const channelPrefix = `withme-test:${randomUUID()}:`;
  const names = new Map<RedisLiveBus, string>();
  const open = () => {
    const connectionName = `withme-test-${randomUUID().slice(0, 8)}`;
    const bus = new RedisLiveBus(serverUrl, { channelPrefix, redis: { connectionName } });
    names.set(bus, connectionName);
    return bus;
  };
  const admin = new Redis(serverUrl);
  const [first, second] = [open(), open()];
  return {
    first,
    second,
    settle: (bus) => (bus as RedisLiveBus).whenSubscribed(),
    open: async () => open(),
    cut: async (bus) => {
      const clients = String(await admin.client("LIST")).split("\n");
      const name = names.get(bus as RedisLiveBus);
      for (const line of clients.filter((client) => client.includes(` name=${name} `))) {
        const id = /(?:^|\s)id=(\d+)/.exec(line)?.[1];
        if (id) await admin.client("KILL", "ID", id);
      }
    },
    cleanup: async () => {
      await Promise.all([first.close(), second.close()]);
      await admin.quit();
    },
  };
}

if (url) {
  describeLiveBusContract(`Redis (${url})`, () => setup(url));
} else {
  console.warn("skipped: no TEST_REDIS_URL — the Redis live bus suite did not run");
  describe.skip("Redis live bus (set TEST_REDIS_URL to run)", () => {
    describeLiveBusContract("Redis", () => setup("redis://127.0.0.1:6379"));
  });
}
