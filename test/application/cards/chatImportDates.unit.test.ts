import { describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { exportChat, importChatFile } from "../../../src/application/cards/chatTransfer.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { registerTestPersonAndAgent } from "../../support/testCommands.ts";

const now = new Date("2026-05-01T09:00:00.000Z");
const address = { userId: "u1", agentId: "a1" };

async function importLines(dates: unknown[]) {
  const events = new EventLog(new InMemoryEventStore(), catalogue);
  const commands = new CommandHandler(events);
  await registerTestPersonAndAgent(commands, address, now);
  const header = { user_name: "Sam", character_name: "Mira", create_date: "2026-04-01", chat_metadata: {} };
  const lines = dates.map((send_date, i) =>
    JSON.stringify({
      name: i % 2 ? "Mira" : "Sam",
      is_user: i % 2 === 0,
      is_system: false,
      send_date,
      mes: `line ${i}`,
    }),
  );
  const bytes = new TextEncoder().encode([JSON.stringify(header), ...lines].join("\n"));
  const imported = await importChatFile(
    { commands, events },
    { ...address, bytes },
    {
      actor: "user:u1",
      requestId: null,
      now,
    },
  );
  return { imported, exported: await exportChat({ commands, events }, address) };
}

describe("a chat import whose times cannot all be read", () => {
  it("says how many times it could not read and how they are dated instead, and nothing of times it read or lines that give none", async () => {
    const { imported, exported } = await importLines([
      "April 2, 2026 8:00am",
      "not a date",
      "sometime",
      "April 2, 2026 8:05am",
    ]);
    expect(imported.warnings).toEqual([
      'Could not read the time (send_date) of 2 messages, such as "not a date"; dated as the message before, or the import for the first.',
    ]);
    expect(exported).toContain('"send_date":"April 2, 2026 8:00am","mes":"line 2"');
    const dated = await importLines(["April 2, 2026 8:00am", undefined, 1775117100000]);
    expect(dated.imported.warnings).toEqual([]);
  });
});
