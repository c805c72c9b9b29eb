import type { ConversationEvent } from "../../src/domain/conversation/events.ts";
import type { ImageJobEvent } from "../../src/domain/imageJob/events.ts";

/** Valid conversation and image-job events for projection tests, with minute-by-minute times. */

export const at = (minute: number) => new Date(Date.UTC(2025, 4, 1, 9, minute)).toISOString();

export const started = (userId: string, agentId: string): ConversationEvent => ({
  type: "ConversationStarted",
  data: { userId, agentId, startedAt: at(0) },
});

export const sent = (messageId: string, text: string, minute: number): ConversationEvent => ({
  type: "UserMessageSent",
  data: { messageId, clientMessageId: `c-${messageId}`, text, sentAt: at(minute) },
});

export const replyStarted = (
  replyId: string,
  inReplyTo: string,
  minute: number,
  attempt = 1,
): ConversationEvent => ({
  type: "AgentReplyStarted",
  data: { replyId, inReplyTo, attempt, startedAt: at(minute) },
});

export const replyCompleted = (
  replyId: string,
  inReplyTo: string,
  text: string,
  minute: number,
): ConversationEvent => ({
  type: "AgentReplyCompleted",
  data: {
    replyId,
    inReplyTo,
    text,
    model: "local-persona",
    usage: { promptTokens: 10, completionTokens: 3 },
    completedAt: at(minute),
  },
});

export const replyFailed = (replyId: string, inReplyTo: string, minute: number): ConversationEvent => ({
  type: "AgentReplyFailed",
  data: {
    replyId,
    inReplyTo,
    reason: "timeout",
    message: "The model took too long.",
    retryable: true,
    failedAt: at(minute),
  },
});

export const moodShifted = (
  mood: "joyful" | "calm" | "playful",
  intensity: number,
  previous: { mood: "joyful" | "calm" | "playful"; intensity: number } | null,
): ConversationEvent => ({
  type: "MoodShifted",
  data: { mood, intensity, previous, reason: `feels ${mood}` },
});

export const affinityChanged = (delta: number, value: number): ConversationEvent => ({
  type: "AffinityChanged",
  data: { delta, requestedDelta: delta, reason: delta > 0 ? "a kind word" : "a sharp word", value },
});

export const imageGranted = (
  requestId: string,
  imageJobId: string,
  inReplyTo: string,
  minute: number,
): ConversationEvent => ({
  type: "ImageRequestGranted",
  data: { requestId, imageJobId, scenePrompt: "At the café counter", inReplyTo, grantedAt: at(minute) },
});

export const imageDeclined = (requestId: string, inReplyTo: string, minute: number): ConversationEvent => ({
  type: "ImageRequestDeclined",
  data: { requestId, reason: "too_soon", inReplyTo, declinedAt: at(minute) },
});

export const initiated = (messageId: string, text: string, minute: number): ConversationEvent => ({
  type: "AgentInitiatedMessage",
  data: { messageId, text, trigger: "check_in", sentAt: at(minute) },
});

export const summarized = (summaryId: string, from: number, to: number): ConversationEvent => ({
  type: "MemorySummarized",
  data: {
    summaryId,
    summary: `What happened between revisions ${from} and ${to}.`,
    facts: ["likes coffee", "lives in Leeds"],
    coversFromRevision: from,
    coversToRevision: to,
    messageCount: to - from + 1,
  },
});

/** A summary written again in place of `rewrites`, withdrawn, without the messages it leaves out. */
export const rewritten = (
  summaryId: string,
  rewrites: string,
  from: number,
  to: number,
  leavesOut: string[],
): ConversationEvent => {
  const { data } = summarized(summaryId, from, to) as Extract<
    ConversationEvent,
    { type: "MemorySummarized" }
  >;
  return { type: "MemorySummarized", data: { ...data, facts: ["lives in Leeds"], rewrites, leavesOut } };
};

export const summariesWithdrawn = (factId: string, ...summaryIds: string[]): ConversationEvent => ({
  type: "MemorySummariesWithdrawn",
  data: { factId, summaryIds, withdrawnAt: at(30) },
});

export function imageJob(imageJobId: string, agentId: string, userId: string) {
  const requested: ImageJobEvent = {
    type: "ImageJobRequested",
    data: {
      imageJobId,
      kind: "variation",
      agentId,
      userId,
      prompt: "Selfie at the café counter",
      basePortraitUrl: "/media/agents/portrait.png",
      requestedBy: userId,
      maxAttempts: 3,
      requestedAt: at(5),
    },
  };
  const submitted = (attempt: number): ImageJobEvent => ({
    type: "ImageJobSubmitted",
    data: { imageJobId, provider: "fal", providerRequestId: `req-${attempt}`, attempt, submittedAt: at(6) },
  });
  const running: ImageJobEvent = {
    type: "ImageJobProgressed",
    data: { imageJobId, attempt: 1, status: "running", logs: ["warming up", "drawing"] },
  };
  const succeeded: ImageJobEvent = {
    type: "ImageJobSucceeded",
    data: {
      imageJobId,
      attempt: 1,
      url: `/media/jobs/${imageJobId}.png`,
      contentType: "image/png",
      sizeBytes: 1234,
      width: 512,
      height: 768,
      completedAt: at(8),
    },
  };
  const failed: ImageJobEvent = {
    type: "ImageJobFailed",
    data: {
      imageJobId,
      attempt: 1,
      reason: "rejected",
      message: "Not allowed.",
      retryable: false,
      failedAt: at(8),
    },
  };
  return { requested, submitted, running, succeeded, failed };
}
