import { getAgent } from "../../../projections/agents/queries.ts";
import { listImageUrlsOfUser } from "../../../projections/image_jobs/queries.ts";
import { EXPORT_LINK_SECONDS } from "../../application/media/mediaLinks.ts";
import {
  accountDeletionOf,
  cancelAccountDeletion,
  requestAccountDeletion,
} from "../../application/privacy/accountDeletion.ts";
import { agentIdsOfPerson, exportPersonalData } from "../../application/privacy/personalDataExport.ts";
import { builder } from "../builder.ts";
import { type GraphQLContext, requestMeta, viewerOf } from "../context.ts";
import { apiError } from "../errors.ts";
import { chargeHistoryRead, conversationLength } from "../historyReads.ts";
import { viewableUrl } from "../mediaLinks.ts";
import { id } from "./message.ts";

interface AccountDeletionShape {
  dueAt: string;
}

const AccountDeletionRef = builder.objectRef<AccountDeletionShape>("AccountDeletion").implement({
  description: "A deletion of the person's account that waits for its grace period to end.",
  fields: (t) => ({
    dueAt: t.exposeString("dueAt", {
      description: "When the account and everything in it is erased, unless cancelled before.",
    }),
  }),
});

function privacyOf(context: GraphQLContext) {
  const privacy = context.services.privacy;
  if (!privacy) throw apiError("FORBIDDEN", "Account deletion is not available on this server.");
  return privacy;
}

builder.queryField("myAccountDeletion", (t) =>
  t.field({
    type: AccountDeletionRef,
    nullable: true,
    description: "The pending deletion of the signed-in person's account, or null.",
    authScopes: { viewer: true },
    resolve: (_root, _args, context) =>
      accountDeletionOf(context.services.commands, viewerOf(context).userId),
  }),
);

builder.mutationField("deleteMyAccount", (t) =>
  t.field({
    type: AccountDeletionRef,
    description:
      "Schedules erasure of the signed-in person's account after the grace period: their key is destroyed, every personal field reads as erased, and read models, memories and pictures go. Asking again while a deletion is pending changes nothing and answers the same due time.",
    authScopes: { viewer: true },
    resolve: (_root, _args, context) =>
      requestAccountDeletion(
        context.services.commands,
        viewerOf(context).userId,
        privacyOf(context).graceMs,
        requestMeta(context),
      ),
  }),
);

builder.mutationField("cancelAccountDeletion", (t) =>
  t.boolean({
    description:
      "Cancels the pending deletion of the signed-in person's account. True also when none is pending (a retried cancel).",
    authScopes: { viewer: true },
    resolve: async (_root, _args, context) => {
      await cancelAccountDeletion(context.services.commands, viewerOf(context).userId, requestMeta(context));
      return true;
    },
  }),
);

builder.mutationField("erasePerson", (t) =>
  t.boolean({
    description:
      "Admin: erases a person at once (no grace period). True when this call erased them, false when they already were.",
    authScopes: { admin: true },
    args: { userId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const { erased } = await privacyOf(context).erase(
        { userId: id.parse(args.userId), by: "admin" },
        requestMeta(context),
      );
      return erased;
    },
  }),
);

builder.queryField("exportMyData", (t) =>
  t.field({
    type: "JSON",
    description:
      "Everything withme holds about the signed-in person: profile, settings, every conversation with its messages and memories (also as a SillyTavern JSONL chat), and links to their pictures that load them for at least a week.",
    authScopes: { viewer: true },
    resolve: async (_root, _args, context) => {
      const db = context.services.readModels;
      const userId = viewerOf(context).userId;
      const agentIds = await agentIdsOfPerson(context.services.events.store, userId);
      const lengths = agentIds.map((agentId) => conversationLength(context, userId, agentId));
      await chargeHistoryRead(
        context,
        (await Promise.all(lengths)).reduce((sum, n) => sum + n, 0),
      );
      const sources = {
        events: context.services.events,
        conversationsOf: async () =>
          Promise.all(
            agentIds.map(async (agentId) => ({
              agentId,
              agentName: (await getAgent(db, { id: agentId }))?.name ?? agentId,
            })),
          ),
        // Links that keep loading the pictures for a week after the export.
        imageUrlsOf: async (userId: string) =>
          (await Promise.all(
            (
              await listImageUrlsOfUser(db, { userId })
            ).map((url) => viewableUrl(context, url, EXPORT_LINK_SECONDS)),
          )) as string[],
      };
      return exportPersonalData(sources, userId, context.services.clock.now());
    },
  }),
);
