import { describe, expect, it } from "vitest";
import { answerAfterText, asleepBadgeText } from "../../client/src/chat/wakeTime.ts";

// Five in the morning in Lisbon (summer time) is eight in the evening the day before in Los Angeles.
const until = "2026-06-10T04:00:00.000Z";
const time = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZone });

describe("when a sleeping agent wakes", () => {
  it("the header gives the agent's clock and the person's, saying whose each is", () => {
    const text = asleepBadgeText(
      "Noa",
      { reason: "asleep until 05:00", until },
      "Europe/Lisbon",
      "America/Los_Angeles",
    );
    expect(text).toBe(
      `asleep until ${time(until, "Europe/Lisbon")} Noa's time (${time(until, "America/Los_Angeles")} your time)`,
    );
  });

  it("the note under a waiting message gives the same two clocks, the person's first", () => {
    expect(answerAfterText("Noa", until, "Europe/Lisbon", "America/Los_Angeles")).toBe(
      `Noa is asleep and will answer after ${time(until, "America/Los_Angeles")} your time (${time(until, "Europe/Lisbon")} Noa's time).`,
    );
  });

  it("says whose clock a wake time without an instant is on", () => {
    const reason = "asleep until 05:00, but woke up for someone close";
    expect(asleepBadgeText("Noa", { reason, until: null }, "Europe/Lisbon")).toBe(`${reason} (Noa's time)`);
  });
});
