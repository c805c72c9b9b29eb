import type { TreeUpdate } from "../../application/conversations/treeUpdates.ts";
import { builder } from "../builder.ts";
import { MoodEnum } from "./shared.ts";

/** The live events of the conversation's tree: another path shown, a message hidden or shown. */

const revision =
  "The conversation's revision of the stored event; resubscribe with afterRevision set to the last one seen.";

type Of<K extends TreeUpdate["kind"]> = Extract<TreeUpdate, { kind: K }>;

export const PathChanged = builder.objectRef<Of<"pathChanged">>("PathChanged").implement({
  description:
    "The conversation now shows another path (an alternative chosen, a branch, a regenerate or an edit): reload `messages`. Mood and affinity are that path's.",
  fields: (t) => ({
    revision: t.exposeInt("revision", { description: revision }),
    leafId: t.exposeID("leafId", { nullable: true }),
    previousLeafId: t.exposeID("previousLeafId", { nullable: true }),
    via: t.exposeString("via", { description: "sibling, branch, regenerate or edit." }),
    messageId: t.exposeID("messageId", {
      description: "The message chosen, branched from, regenerated or edited.",
    }),
    mood: t.field({ type: MoodEnum, resolve: (e) => e.mood.mood }),
    moodIntensity: t.float({ resolve: (e) => e.mood.intensity }),
    affinity: t.exposeInt("affinity"),
  }),
});

export const MessageVisibilityChanged = builder
  .objectRef<Of<"messageVisibilityChanged">>("MessageVisibilityChanged")
  .implement({
    description: "A message was hidden or shown again.",
    fields: (t) => ({
      revision: t.exposeInt("revision", { description: revision }),
      messageId: t.exposeID("messageId"),
      hidden: t.exposeBoolean("hidden"),
    }),
  });
