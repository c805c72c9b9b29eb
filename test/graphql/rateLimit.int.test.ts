import { Redis } from "ioredis";
import { RateLimiterRes } from "rate-limiter-flexible";
import { afterAll, describe, expect, it } from "vitest";
import { createMutationLimiter } from "../../src/graphql/rateLimit.ts";

const url = process.env.TEST_REDIS_URL;

describe("mutation limits", () => {
  it("counts in memory without Redis, and says how long to wait", async () => {
    const limiter = createMutationLimiter({ points: 2, windowSeconds: 30 });
    await limiter.consume("u1");
    await limiter.consume("u1");
    const refused = await limiter.consume("u1").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimiterRes);
    expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(0);
    await expect(limiter.consume("u2")).resolves.toBeDefined();
  });

  describe.skipIf(!url)("in Redis (TEST_REDIS_URL), shared by every API replica", () => {
    const redis = url ? new Redis(url, { enableOfflineQueue: false, lazyConnect: true }) : null;
    afterAll(() => redis?.disconnect());

    it("refuses the same person on a second replica once the first used the points", async () => {
      await redis!.connect();
      const person = `u-${crypto.randomUUID()}`;
      const replicaA = createMutationLimiter({ points: 2, windowSeconds: 30 }, redis);
      const replicaB = createMutationLimiter({ points: 2, windowSeconds: 30 }, redis);
      await replicaA.consume(person);
      await replicaB.consume(person);
      await expect(replicaA.consume(person)).rejects.toBeInstanceOf(RateLimiterRes);
    });
  });
});
