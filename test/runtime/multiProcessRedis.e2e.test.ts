import { describe } from "vitest";
import { rolesApart } from "./rolesApart.ts";

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn("skipped: no TEST_REDIS_URL — the multi-process test over Redis did not run");

describe.skipIf(!redisUrl)("roles in separate processes, live bus over Redis (TEST_REDIS_URL)", () => {
  rolesApart(redisUrl);
});
