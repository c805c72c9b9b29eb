import {
  agentIdOfConversationStream,
  conversationStreamPrefix,
  userStreamId,
} from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { UserEvent } from "../../domain/user/events.ts";
import type { PushSubscription } from "../../domain/user/pushSubscriptions.ts";
import type { EventStore } from "../../ports/eventStore.ts";
import type { EventLog } from "../eventLog.ts";
import { exportConversation } from "./conversationExport.ts";
import type { ExportedConversation } from "./exportedConversation.ts";

/** What the export reads besides the log: which agents the person talks with, and their pictures. */
export interface ExportSources {
  events: EventLog;
  conversationsOf(userId: string): Promise<{ agentId: string; agentName: string }[]>;
  imageUrlsOf(userId: string): Promise<string[]>;
}

export interface PersonalDataExport {
  format: "withme-personal-data/1";
  exportedAt: string;
  profile: { userId: string; subject: string | null; displayName: string; role: string };
  settings: {
    timezone: string | null;
    quietHours: { start: string; end: string } | null;
    doNotDisturb: boolean;
    notificationDevices: number;
  };
  /** The browsers and devices notified of new messages, as they registered. */
  pushSubscriptions: PushSubscription[];
  accountDeletionDueAt: string | null;
  conversations: ExportedConversation[];
  imageUrls: string[];
}

/**
 * The agents a person has a conversation with, read from the log itself: a read model a moment
 * behind (or being rebuilt) would leave a conversation begun just now out of the person's export.
 */
export async function agentIdsOfPerson(store: EventStore, userId: string): Promise<string[]> {
  const streamIds = await store.streamIdsStartingWith(conversationStreamPrefix(userId));
  return streamIds.map((streamId) => agentIdOfConversationStream(userId, streamId)).sort();
}

/** Everything withme holds about a person, read from the event log (every message, not only the shown path). */
export async function exportPersonalData(
  sources: ExportSources,
  userId: string,
  now: Date,
): Promise<PersonalDataExport> {
  let user = userDecider.initialState();
  for (const event of await sources.events.readStream(userStreamId(userId)))
    user = userDecider.evolve(user, event as UserEvent);
  const conversations: ExportedConversation[] = [];
  for (const { agentId, agentName } of await sources.conversationsOf(userId))
    conversations.push(
      await exportConversation(sources.events, userId, user.profile.displayName, agentId, agentName),
    );
  const { profile } = user;
  return {
    format: "withme-personal-data/1",
    exportedAt: now.toISOString(),
    profile: { userId, subject: user.subject, displayName: profile.displayName, role: user.role },
    settings: {
      timezone: profile.timezone,
      quietHours: profile.quietHours,
      doNotDisturb: profile.doNotDisturb,
      notificationDevices: user.pushSubscriptions.length,
    },
    pushSubscriptions: [...user.pushSubscriptions],
    accountDeletionDueAt: user.deletionDueAt,
    conversations,
    imageUrls: await sources.imageUrlsOf(userId),
  };
}
