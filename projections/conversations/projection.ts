import { topics } from "../../src/ports/liveBus.ts";
import { defineProjection, type Notice, notice, type RowStore } from "../runner/projection.ts";
import { type FollowedEvent, followedEventTypes, rowChanges } from "./rowChanges.ts";
import {
  type ConversationRow,
  conversationRow,
  conversations,
  newConversationRow,
  toConversationView,
} from "./rows.ts";

/** Each person × agent: mood, affinity, the last message, unread and message counts, reply status. */
export const conversationsProjection = defineProjection({
  name: "conversations",
  // 2: messages awaiting a reply (with a partial index for the conversations owed one) and the
  // latest initiations, for the life scheduler. 3: mood and affinity follow the active path.
  // 4: withdrawn summaries leave the summary count.
  version: 4,
  tables: [
    {
      name: conversations.name,
      columns: `stream_id text not null, user_id text not null, agent_id text not null,
        started_at timestamptz not null, mood text, mood_intensity float8, mood_reason text,
        mood_changed_at timestamptz, affinity int not null, affinity_changed_at timestamptz,
        last_message_preview text, last_message_at timestamptz, last_message_role text, last_message_kind text,
        unread_count int not null, message_count int not null, user_message_count int not null,
        agent_message_count int not null, last_user_message_at timestamptz, last_agent_message_at timestamptz,
        reply_status text not null, reply_id text, awaiting_replies int not null, images_granted int not null, images_declined int not null,
        last_image_granted_at timestamptz, initiations_since_user_message int not null,
        last_initiated_at timestamptz, recent_initiations jsonb not null, memory_summaries int not null, last_summarized_revision int,
        revision int not null, updated_at timestamptz not null`,
      primaryKey: ["stream_id"],
      indexes: [
        "(user_id, agent_id)",
        "(user_id, last_message_at desc nulls last, stream_id)",
        "(agent_id, last_message_at desc nulls last, stream_id)",
        "(stream_id) where awaiting_replies > 0",
      ],
    },
  ],
  canHandle: followedEventTypes,
  evolve: (event, rows) => evolve(event as FollowedEvent, rows),
  notify: (event, rows) => notify(event as FollowedEvent, rows),
});

/** Without a promise whenever the row is known: nearly every event of a conversation in a rebuild. */
function evolve(event: FollowedEvent, rows: RowStore): Promise<void> | undefined {
  if (event.type === "ConversationStarted") {
    conversations.put(rows, newConversationRow(event.streamId, event.data, event.revision));
    return;
  }
  // Changed in place: the row is copied once per batch, not once per event.
  const key = { stream_id: event.streamId };
  const row = conversations.editKnown(rows, key);
  if (row === undefined) return conversations.edit(rows, key).then((read) => read && apply(read, event));
  if (row) apply(row, event);
}

function apply(row: ConversationRow, event: FollowedEvent): void {
  const changed = rowChanges(row, event);
  row.revision = event.revision;
  row.updated_at = event.occurredAt;
  Object.assign(row, changed);
}

/** `conversation.state` on the conversation's topic: the whole row as the API shows it. */
async function notify(event: FollowedEvent, rows: RowStore): Promise<Notice[]> {
  const row = await conversations.get(rows, { stream_id: event.streamId });
  if (!row) return [];
  const view = toConversationView(conversationRow.parse(row));
  return [
    notice(topics.conversation(view.userId, view.agentId), {
      kind: "conversation.state",
      payload: { ...view, position: event.position, streamId: event.streamId, revision: event.revision },
    }),
  ];
}
