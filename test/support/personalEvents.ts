import { randomUUID } from "node:crypto";
import type { WithmeEvent } from "../../src/domain/catalogue.ts";
import { conversationStreamId, imageJobStreamId, userStreamId } from "../../src/domain/streamIds.ts";
import type { EventToAppend } from "../../src/ports/eventStore.ts";
import { envelope } from "./domainEvents.ts";

export interface PlacedEvent {
  streamId: string;
  event: WithmeEvent;
}

const at = "2025-05-01T09:00:00.000Z";

/**
 * One event of every type that holds personal data (and a few that hold none), for one person
 * talking to one agent; every free-text field carries `secret`, so a test can look for it at rest.
 */
export function personalSamples(userId: string, agentId: string, secret: string): PlacedEvent[] {
  const user = userStreamId(userId);
  const conversation = conversationStreamId(userId, agentId);
  const job = imageJobStreamId(randomUUID());
  const messageId = randomUUID();
  const replyId = randomUUID();
  return [
    {
      streamId: user,
      event: {
        type: "UserRegistered",
        data: {
          userId,
          subject: `sub-${secret}`,
          displayName: `Nora ${secret}`,
          role: "user",
          registeredAt: at,
        },
      },
    },
    {
      streamId: user,
      event: {
        type: "UserProfileUpdated",
        data: {
          userId,
          displayName: `Nora ${secret}`,
          timezone: "Europe/Lisbon",
          quietHours: { start: "22:30", end: "07:15" },
          doNotDisturb: false,
          updatedAt: at,
        },
      },
    },
    {
      streamId: user,
      event: {
        type: "PushSubscriptionRegistered",
        data: {
          userId,
          kind: "webpush",
          endpoint: `https://push.example/${secret}`,
          keys: { p256dh: `p256-${secret}`, auth: `auth-${secret}` },
          registeredAt: at,
        },
      },
    },
    {
      streamId: user,
      event: {
        type: "PushSubscriptionRemoved",
        data: { userId, endpoint: `https://push.example/${secret}`, reason: "expired", removedAt: at },
      },
    },
    {
      streamId: conversation,
      event: {
        type: "ConversationStarted",
        data: {
          userId,
          agentId,
          startedAt: at,
          importedHeader: {
            userName: `Sam ${secret}`,
            characterName: `Mira ${secret}`,
            chatMetadata: JSON.stringify({ note_prompt: `my sister is ${secret}` }),
          },
        },
      },
    },
    {
      streamId: conversation,
      event: {
        type: "UserMessageSent",
        data: { messageId, clientMessageId: randomUUID(), text: `my sister is ${secret}`, sentAt: at },
      },
    },
    {
      streamId: conversation,
      event: {
        type: "AgentReplyStarted",
        data: { replyId, inReplyTo: messageId, attempt: 1, startedAt: at },
      },
    },
    {
      streamId: conversation,
      event: {
        type: "AgentReplyCompleted",
        data: {
          replyId,
          inReplyTo: messageId,
          text: `Say hi to ${secret}!`,
          model: "local-persona",
          usage: { promptTokens: 10, completionTokens: 4 },
          completedAt: at,
        },
      },
    },
    {
      streamId: conversation,
      event: {
        type: "MoodShifted",
        data: { mood: "joyful", intensity: 0.6, previous: null, reason: `heard about ${secret}` },
      },
    },
    {
      streamId: conversation,
      event: {
        type: "AffinityChanged",
        data: { delta: 2, requestedDelta: 2, reason: `shared ${secret}`, value: 12 },
      },
    },
    {
      streamId: conversation,
      event: {
        type: "ImageRequestGranted",
        data: {
          requestId: randomUUID(),
          imageJobId: randomUUID(),
          scenePrompt: `a beach with ${secret}`,
          inReplyTo: messageId,
          grantedAt: at,
        },
      },
    },
    {
      streamId: conversation,
      event: {
        type: "MemorySummarized",
        data: {
          summaryId: randomUUID(),
          summary: `They talked about ${secret}.`,
          facts: [`sister: ${secret}`, `dog: Biscuit ${secret}`],
          coversFromRevision: 0,
          coversToRevision: 5,
          messageCount: 2,
        },
      },
    },
    {
      streamId: conversation,
      event: {
        type: "MemoryFactRecorded",
        data: {
          factId: "fact-1",
          text: `Their sister is called ${secret}`,
          kind: "person",
          sourceMessageIds: [randomUUID()],
          quote: `my sister is called ${secret}`,
          recordedAt: at,
        },
      },
    },
    {
      streamId: conversation,
      event: {
        type: "MemoryFactCorrected",
        data: { factId: "fact-1", text: `Their sister is ${secret}`, by: "person", correctedAt: at },
      },
    },
    {
      streamId: conversation,
      event: {
        type: "AgentInitiatedMessage",
        data: { messageId: randomUUID(), text: `How is ${secret}?`, trigger: "check_in", sentAt: at },
      },
    },
    {
      streamId: job,
      event: {
        type: "ImageJobRequested",
        data: {
          imageJobId: job.slice("imagejob-".length),
          kind: "variation",
          agentId,
          userId,
          prompt: `selfie at ${secret}`,
          basePortraitUrl: "/media/portrait.png",
          requestedBy: userId,
          maxAttempts: 3,
          requestedAt: at,
        },
      },
    },
  ];
}

/** The samples as appendable events, grouped by stream in order. */
export function sampleStreams(samples: readonly PlacedEvent[]): Map<string, EventToAppend[]> {
  const streams = new Map<string, EventToAppend[]>();
  for (const { streamId, event } of samples) {
    const list = streams.get(streamId) ?? [];
    list.push(envelope(event));
    streams.set(streamId, list);
  }
  return streams;
}
