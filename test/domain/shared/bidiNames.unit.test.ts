import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { downloadName } from "../../../src/application/cards/downloadName.ts";
import { readCardFile } from "../../../src/application/cards/readCardFile.ts";
import { checkName } from "../../../src/domain/agent/profileRules.ts";
import { checkMessageText } from "../../../src/domain/conversation/messages.ts";
import { checkDisplayName, displayNameFromSignIn } from "../../../src/domain/user/rules.ts";
import { fixtureJson } from "../../fixtures/cards/build.ts";

/** "Eve" then an override that makes "gnp.exe" read "exe.png", and each other embedding or isolate. */
const REVERSED = "Eve\u202Egnp.exe";
const EVERY_CONTROL = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

describe("names without bidi controls", () => {
  it("a display name, typed or brought by a sign-in, loses them", () => {
    expect(checkDisplayName(` ${REVERSED} `)).toBe("Evegnp.exe");
    expect(checkDisplayName(`Mia${EVERY_CONTROL}`)).toBe("Mia");
    expect(displayNameFromSignIn(REVERSED)).toBe("Evegnp.exe");
    expect(displayNameFromSignIn(EVERY_CONTROL)).toBe("Guest");
  });

  it("an agent's name loses them, and right-to-left letters stay", () => {
    expect(checkName(`${REVERSED}${EVERY_CONTROL}`)).toBe("Evegnp.exe");
    expect(checkName("\u2067שלום\u2069")).toBe("שלום");
  });

  it("a card's name loses them on import", () => {
    const json = fixtureJson("v2.json") as { data: Record<string, unknown> };
    const bytes = strToU8(JSON.stringify({ ...json, data: { ...json.data, name: REVERSED } }));
    expect(readCardFile(bytes).card.name).toBe("Evegnp.exe");
  });

  it("a download's file name never holds them", () => {
    const name = downloadName(`${REVERSED}${EVERY_CONTROL}`, "png", "character");
    expect(name.fileName).toBe("Evegnp.exe.png");
    expect(name.contentDisposition).not.toMatch(/%E2%80%A[A-E]|%E2%81%A[6-9]/);
  });

  it("message text keeps them, so right-to-left writing still works", () => {
    const text = "He said \u2067שלום\u2069 and \u202Bמה נשמע\u202C";
    expect(checkMessageText(text)).toBe(text);
  });
});
