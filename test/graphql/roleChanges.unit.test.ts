import { describe, expect, it } from "vitest";
import { RoleChanges } from "../../src/graphql/roleChanges.ts";

const at = (seconds: number) => new Date(seconds * 1000);

describe("the role of a person's newest token", () => {
  it("tells those listening once when a newer token shows an admin demoted", () => {
    const roles = new RoleChanges();
    let told = 0;
    expect(roles.observe("u1", { role: "admin", issuedAt: at(100) })).toBe("admin");
    roles.onDemoted("u1", () => told++);
    expect(roles.observe("u1", { role: "admin", issuedAt: at(150) })).toBe("admin");
    expect(told).toBe(0);
    expect(roles.observe("u1", { role: "user", issuedAt: at(200) })).toBe("user");
    expect(roles.observe("u1", { role: "user", issuedAt: at(250) })).toBe("user");
    expect(told).toBe(1);
  });

  it("reads an older admin token as a user's once a newer one says so, and a newer admin token as an admin's", () => {
    const roles = new RoleChanges();
    roles.observe("u1", { role: "user", issuedAt: at(200) });
    expect(roles.observe("u1", { role: "admin", issuedAt: at(100) })).toBe("user");
    expect(roles.observe("u1", { role: "admin", issuedAt: at(300) })).toBe("admin");
    expect(roles.observe("u2", { role: "admin", issuedAt: at(100) })).toBe("admin");
  });

  it("takes a token without an issue time at its word, and stops telling those who left", () => {
    const roles = new RoleChanges();
    expect(roles.observe("u1", { role: "admin", issuedAt: null })).toBe("admin");
    roles.observe("u1", { role: "admin", issuedAt: at(100) });
    let told = 0;
    const leave = roles.onDemoted("u1", () => told++);
    leave();
    roles.observe("u1", { role: "user", issuedAt: at(200) });
    expect(told).toBe(0);
  });
});
