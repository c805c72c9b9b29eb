import { isStreamOfPerson, userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { DataKeyStore } from "../../ports/dataKeys.ts";
import type { LiveBus } from "../../ports/liveBus.ts";
import type { MediaStorage } from "../../ports/mediaStorage.ts";
import type { SnapshotStore } from "../../ports/snapshotStore.ts";
import { memoryNamespace, type VectorIndex } from "../../ports/vectorIndex.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import { announceErasure } from "./erasureNotices.ts";

/** Where a person's data lives outside the event log: found through the read models before they drop it. */
export interface PersonRecords {
  /** The agents the person has talked with (each holds a memory namespace of theirs). */
  agentIdsOf(userId: string): Promise<string[]>;
  /** The URLs of pictures made for the person and for no one else. */
  imageUrlsOf(userId: string): Promise<string[]>;
  /** The ids of the person's image jobs (their live topics can carry the picture's prompt). */
  imageJobIdsOf(userId: string): Promise<string[]>;
}

export interface PersonErasureDependencies {
  commands: CommandHandler;
  keys: DataKeyStore;
  records: PersonRecords;
  vectorIndex: VectorIndex;
  media: MediaStorage;
  /** Stored states of the person's conversations. */
  snapshots: SnapshotStore;
  /** Where other processes hear of the erasure, so they drop the key they hold in memory at once. */
  bus: LiveBus;
}

/**
 * Erases a person for good: their data key is destroyed (so every personal field they ever wrote
 * reads as erased, in every copy of the log), their pictures, memory vectors, conversation
 * snapshots and the live bus's stored messages (of their conversations and image jobs) are deleted, then `PersonErased` makes the read
 * models drop their rows; snapshots and bus messages are deleted once more then, in case a
 * process still holding the key wrote some meanwhile. The command is decided first, so a
 * request that is not due yet destroys nothing; running it again after a failure finishes the job.
 */
export async function erasePerson(
  deps: PersonErasureDependencies,
  args: { userId: string; by: "request" | "admin" },
  meta: RequestMeta,
): Promise<{ erased: boolean }> {
  const streamId = userStreamId(args.userId);
  const command = {
    type: "ErasePerson",
    userId: args.userId,
    by: args.by,
    now: meta.now.toISOString(),
  } as const;
  const { state } = await deps.commands.load(userDecider, streamId);
  if (userDecider.decide(command, state).length === 0) return { erased: false };
  // The key goes first: a writer that checks for the erasure after it stored something (the
  // image runner) then either sees it, or stored before the deletions below find it.
  await deps.keys.destroy(args.userId, meta.now);
  await announceErasure(deps.bus, args.userId, meta.now);
  // Read before `PersonErased` makes the image_jobs read model drop the person's rows.
  const liveTopics = { imageJobIds: await deps.records.imageJobIdsOf(args.userId) };
  await deps.bus.forgetPerson(args.userId, liveTopics);
  for (const url of await deps.records.imageUrlsOf(args.userId)) await deps.media.deleteUrl(url);
  for (const agentId of await deps.records.agentIdsOf(args.userId))
    await deps.vectorIndex.deleteNamespace(memoryNamespace(args.userId, agentId));
  await deps.snapshots.deleteSubject(args.userId);
  const result = await deps.commands.handle(
    userDecider,
    streamId,
    command,
    commandContext(meta, `erase-person:${args.userId}`),
  );
  await deps.snapshots.deleteSubject(args.userId);
  await deps.bus.forgetPerson(args.userId, liveTopics);
  deps.commands.forgetWhere(isStreamOfPerson(args.userId));
  return { erased: result.events.length > 0 };
}
