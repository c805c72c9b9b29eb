import { describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { factIdFor } from "../../../src/application/engine/memoryFactRecorder.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { exportConversation } from "../../../src/application/privacy/conversationExport.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { agentId, answered, now, userId } from "../../domain/conversation/fixtures.ts";

const SUMMARY_EVENT = "event-summary-1";
const meta = { occurredAt: now, correlationId: "c", causationId: null, actor: "test", requestId: null };

function recorded(factId: string, text: string): ConversationEvent {
  return {
    type: "MemoryFactRecorded",
    data: { factId, text, kind: "other", sourceMessageIds: ["m1"], recordedAt: now },
  };
}

async function exportOf(events: { id: string; event: ConversationEvent }[]) {
  const store = new InMemoryEventStore();
  const log = new EventLog(store, catalogue);
  await store.append(
    conversationStreamId(userId, agentId),
    events.map(({ id, event }) => log.toAppend(event, id, meta)),
    "any",
  );
  return exportConversation(log, userId, "Sam", agentId, "Mira");
}

describe("a conversation's export lists its summaries' facts as they are remembered now", () => {
  it("leaves out a forgotten fact and shows a corrected one in its new words", async () => {
    const summaryFactId = factIdFor(SUMMARY_EVENT, 2);
    const exported = await exportOf([
      ...answered.map((event, i) => ({ id: `event-${i}`, event })),
      { id: "event-f1", event: recorded("f1", "Sam has a dog named Rex.") },
      { id: "event-f2", event: recorded("f2", "Sam lives in Ghent.") },
      {
        id: SUMMARY_EVENT,
        event: {
          type: "MemorySummarized",
          data: {
            summaryId: "s1",
            summary: "Sam talked about home.",
            facts: ["Sam has a dog named Rex", "Sam lives in Ghent.", "Sam likes tea."],
            coversFromRevision: 0,
            coversToRevision: 5,
            messageCount: 2,
            causedBy: "r1",
          },
        },
      },
      { id: "event-f3", event: recorded(summaryFactId, "Sam likes tea.") },
      {
        id: "event-forget",
        event: { type: "MemoryFactForgotten", data: { factId: "f1", by: "person", forgottenAt: now } },
      },
      {
        id: "event-correct-2",
        event: {
          type: "MemoryFactCorrected",
          data: { factId: "f2", text: "Sam lives in Bruges.", by: "person", correctedAt: now },
        },
      },
      {
        id: "event-correct-3",
        event: {
          type: "MemoryFactCorrected",
          data: { factId: summaryFactId, text: "Sam likes green tea.", by: "person", correctedAt: now },
        },
      },
    ]);
    expect(exported.memories).toEqual([
      { summary: "Sam talked about home.", facts: ["Sam lives in Bruges.", "Sam likes green tea."] },
    ]);
    expect(exported.facts.map((f) => f.text)).toEqual(["Sam lives in Bruges.", "Sam likes green tea."]);
    // The log still holds the forgotten fact, and the export says it was forgotten.
    expect(exported.forgottenFacts.map((f) => f.id)).toEqual(["f1"]);
  });
});
