import type { MessageView } from "../../../projections/messages/messageView.ts";
import type { MessageOnPath } from "../../../projections/messages/queries.ts";
import type { MessageRecord } from "../../application/conversations/messageRecord.ts";
import type { BuilderTypes } from "../builder.ts";

type Shape = MessageRecord | MessageView | MessageOnPath;
type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

const siblingsOf = (m: Shape) => ("siblings" in m ? m.siblings : null);
const unknownSiblings =
  "Null for images and notes, and in live updates (reload `messages` after a PathChanged to get them).";

/** A message's place in the conversation's tree: its parent and the alternatives it is one of. */
export function treeFields(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>) {
  return {
    parentId: t.id({
      nullable: true,
      description: "The message this one follows; null for a first message, and for images and notes.",
      resolve: (m) => ("parentId" in m ? (m.parentId ?? null) : null),
    }),
    siblingIds: t.idList({
      nullable: true,
      description: `The alternatives this message is one of (itself included), oldest first: other replies to the same message, other versions of an edited message. ${unknownSiblings}`,
      resolve: (m) => siblingsOf(m)?.ids ?? null,
    }),
    siblingCount: t.int({
      nullable: true,
      description: `How many alternatives there are (1 when there is none but this one). ${unknownSiblings}`,
      resolve: (m) => siblingsOf(m)?.ids.length ?? null,
    }),
    siblingIndex: t.int({
      nullable: true,
      description: `This message's place among siblingIds, from 0. ${unknownSiblings}`,
      resolve: (m) => siblingsOf(m)?.index ?? null,
    }),
    hiddenReplyId: t.id({
      nullable: true,
      description:
        "For the person's newest messages in `messages`: the newest reply to it when the person hid every reply to it (regenerateReply on it answers the message again). Null otherwise, and in live updates.",
      resolve: (m) => ("hiddenReplyId" in m ? m.hiddenReplyId : null),
    }),
    hidden: t.boolean({
      description:
        "Hidden by the person (hideMessage). A person never gets their hidden messages in `messages`; admins get them, flagged.",
      resolve: (m) => ("hidden" in m ? m.hidden : false),
    }),
  };
}
