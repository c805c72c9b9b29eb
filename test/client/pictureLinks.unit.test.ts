import { beforeEach, describe, expect, it } from "vitest";
import { currentLink, firstFailure, replaceLink, resetLinks } from "../../client/src/ui/pictureLinks.ts";

const OLD = "/media/a.png?expires=1&signature=old";
const NEW = "/media/a.png?expires=2&signature=new";

describe("picture links replaced when they expire", () => {
  beforeEach(() => resetLinks());

  it("asks for a fresh link the first time a link fails, never again for the same link", () => {
    expect(firstFailure(OLD)).toBe(true);
    expect(firstFailure(OLD)).toBe(false);
  });

  it("gives every later use of the old link the fresh one", () => {
    expect(currentLink(OLD)).toBe(OLD);
    expect(replaceLink(OLD, NEW)).toBe(true);
    expect(currentLink(OLD)).toBe(NEW);
    expect(currentLink(NEW)).toBe(NEW);
  });

  it("takes no fresh link that is the same, missing, or leads back to the failed one", () => {
    expect(replaceLink(OLD, OLD)).toBe(false);
    expect(replaceLink(OLD, null)).toBe(false);
    expect(replaceLink(OLD, NEW)).toBe(true);
    expect(replaceLink(NEW, OLD)).toBe(false);
    expect(currentLink(OLD)).toBe(NEW);
  });
});
