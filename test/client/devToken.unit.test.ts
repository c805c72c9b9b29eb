import { describe, expect, it } from "vitest";
import { devTokenProblem } from "../../client/src/auth/devToken.ts";
import { DevTokenAuthenticator } from "../../src/adapters/local/devTokenAuthenticator.ts";

const TOKENS = ["dev", "dev:sam", "dev:Sam_Smith", "dev:sam-2", `dev:${"a".repeat(40)}`];
const MISTYPED = [
  "dev:Sam Smith",
  "dev: sam",
  "dev:",
  "dev:sam!",
  "dev:_sam",
  `dev:${"a".repeat(41)}`,
  "dev sam",
];

describe("dev token sign-in: what the server takes, said before it is sent", () => {
  it("lets through every token the server takes", () => {
    for (const token of TOKENS) {
      expect(DevTokenAuthenticator.isDevToken(token)).toBe(true);
      expect(devTokenProblem(token)).toBeNull();
    }
  });

  it("says what is wrong with a token the server would refuse, and what to type instead", () => {
    for (const token of MISTYPED) {
      expect(DevTokenAuthenticator.isDevToken(token)).toBe(false);
      expect(devTokenProblem(token)).toMatch(/no spaces/);
    }
    expect(devTokenProblem("dev:Sam Smith")).toMatch(/Try dev:Sam_Smith\.$/);
    expect(devTokenProblem("dev: sam")).toMatch(/Try dev:sam\.$/);
    expect(devTokenProblem("dev:")).not.toMatch(/Try/);
  });

  it("says a dev token is written in lower case", () => {
    for (const token of ["DEV", "Dev", "DEV:sam"]) {
      expect(DevTokenAuthenticator.isDevToken(token)).toBe(false);
      expect(devTokenProblem(token)).toMatch(/lower case/);
    }
  });

  it("leaves other tokens to the server's other sign-in", () => {
    expect(devTokenProblem("eyJhbGciOiJIUzI1NiJ9.e30.c2ln")).toBeNull();
  });
});
