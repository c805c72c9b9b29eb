import { describe, expect, it } from "vitest";
import { timeZoneChoices } from "../../client/src/settings/timeZones.ts";
import { ZONE_RENAMES as CLIENT_RENAMES } from "../../client/src/settings/zoneRenames.ts";
import { canonicalTimezone } from "../../src/domain/shared/time.ts";
import { ZONE_RENAMES } from "../../src/domain/shared/zoneRenames.ts";

describe("time zone choices", () => {
  it("offer renamed zones by their IANA names, and a stored old name as the new one", () => {
    const choices = timeZoneChoices("Europe/Kiev");
    expect(choices).toContain("Asia/Kolkata");
    expect(choices).toContain("Europe/Kyiv");
    expect(choices).not.toContain("Asia/Calcutta");
    expect(choices).not.toContain("Europe/Kiev");
  });

  it("use the server's renames, which store the new name for either spelling", () => {
    expect(CLIENT_RENAMES).toEqual(ZONE_RENAMES);
    for (const [old, now] of Object.entries(ZONE_RENAMES)) {
      expect(canonicalTimezone(old)).toBe(now);
      expect(canonicalTimezone(now)).toBe(now);
    }
  });
});
