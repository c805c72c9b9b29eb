import { describe, expect, it } from "vitest";
import { comparePositions } from "../../../src/adapters/postgres/postgresEventRows.ts";
import { START } from "../../../src/ports/eventStore.ts";

/** The order BigInt arithmetic gives, which the comparison of numerals must keep. */
function byBigInt(a: string, b: string): number {
  const [ta, pa] = (a === START ? "0:0" : a).split(":").map(BigInt) as [bigint, bigint];
  const [tb, pb] = (b === START ? "0:0" : b).split(":").map(BigInt) as [bigint, bigint];
  if (ta !== tb) return ta < tb ? -1 : 1;
  return pa === pb ? 0 : pa < pb ? -1 : 1;
}

describe("PostgreSQL event store positions", () => {
  it("order by transaction, then by position within it, however many digits each has", () => {
    const positions = [
      START,
      "0:0",
      "9:5",
      "10:1",
      "10:10",
      "10:9",
      "99:100000",
      "100:0",
      "18446744073709551615:3",
      "18446744073709551614:99",
      "007:2",
      "7:02",
    ];
    for (const a of positions)
      for (const b of positions) expect(comparePositions(a, b), `${a} against ${b}`).toBe(byBigInt(a, b));
  });

  it("refuses what is not a position", () => {
    expect(() => comparePositions("10:1", "ten:1")).toThrow(/not a PostgreSQL event store position/);
  });
});
