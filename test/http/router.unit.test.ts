import { describe, expect, it } from "vitest";
import { Router } from "../../src/http/router.ts";

describe("router", () => {
  const noop = () => {};
  const router = new Router().get("/health", noop).add("*", "/graphql", noop).get("/media/", noop);

  it("matches exact paths, any-method routes and prefixes", () => {
    expect(router.match("GET", "/health").route?.name).toBe("/health");
    expect(router.match("HEAD", "/health").route?.name).toBe("/health");
    expect(router.match("POST", "/graphql").route?.name).toBe("/graphql");
    expect(router.match("GET", "/media/a/b.png").route?.name).toBe("/media/*");
  });

  it("tells a wrong method from a missing path", () => {
    expect(router.match("POST", "/health")).toEqual({ route: null, allowed: ["GET"] });
    expect(router.match("GET", "/nope")).toEqual({ route: null, allowed: [] });
  });
});
