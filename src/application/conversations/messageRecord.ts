/**
 * A message as the conversation shows it, in the same terms as the messages read model: `seq` is
 * the revision of the event that created it (for a reply, the event that started it).
 */
export interface MessageRecord {
  seq: number;
  cursor: string;
  messageId: string;
  kind: "user" | "reply" | "initiated";
  role: "user" | "agent";
  text: string;
  status: "sent" | "completed";
  clientMessageId: string | null;
  /** For a reply: the person's message it answers. */
  inReplyTo: string | null;
  attempt: number | null;
  createdAt: string;
  updatedAt: string;
  /** The message it follows in the conversation's tree (null for a first message). */
  parentId?: string | null;
}

/** A message record with the fields its kind implies filled in. */
export function messageRecord(
  fields: Pick<MessageRecord, "seq" | "messageId" | "kind" | "text" | "createdAt"> & Partial<MessageRecord>,
): MessageRecord {
  return {
    cursor: String(fields.seq),
    role: fields.kind === "user" ? "user" : "agent",
    status: fields.kind === "reply" ? "completed" : "sent",
    clientMessageId: null,
    inReplyTo: null,
    attempt: null,
    updatedAt: fields.createdAt,
    ...fields,
  };
}
