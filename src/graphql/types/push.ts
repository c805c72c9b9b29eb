import { z } from "zod";
import {
  registerPushSubscription,
  removePushSubscription,
} from "../../application/users/pushSubscriptions.ts";
import { isPublicPushEndpoint } from "../../domain/user/rules.ts";
import { builder } from "../builder.ts";
import { requestMeta, viewerOf } from "../context.ts";
import { UserRef, viewerUser } from "./user.ts";

const ENDPOINT_MAX = 4096;

const endpointText = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(ENDPOINT_MAX, `must be at most ${ENDPOINT_MAX} characters`);
const endpoint = endpointText
  .refine(
    (value) => URL.canParse(value) && new URL(value).protocol === "https:",
    "must be the https: URL from the browser's push subscription",
  )
  .refine(isPublicPushEndpoint, "must be a public push service, not this machine or a private network");

/** A base64url string whose bytes pass `check`; the browser's `PushSubscription.toJSON()` gives them so. */
const base64url = (what: string, check: (bytes: number) => boolean) =>
  z
    .string()
    .trim()
    .max(512, `is too long for ${what}`)
    .regex(/^[A-Za-z0-9_-]+=*$/, `must be ${what}, base64url-encoded`)
    .refine((value) => check(Buffer.from(value, "base64url").length), `is not ${what}`);

const subscriptionInput = z.object({
  endpoint,
  keys: z.object({
    p256dh: base64url("the browser's P-256 public key (65 bytes)", (n) => n === 65),
    auth: base64url("the browser's auth secret (16 bytes)", (n) => n >= 16),
  }),
});

interface PushConfigShape {
  vapidPublicKey: string | null;
}

const PushConfigRef = builder.objectRef<PushConfigShape>("PushConfig").implement({
  description: "What a browser needs to subscribe to notifications.",
  fields: (t) => ({
    enabled: t.boolean({
      description: "False when the server has no Web Push keys: browsers cannot subscribe then.",
      resolve: (c) => c.vapidPublicKey !== null,
    }),
    vapidPublicKey: t.exposeString("vapidPublicKey", {
      nullable: true,
      description: "The `applicationServerKey` for `pushManager.subscribe()`, base64url; public by design.",
    }),
  }),
});

builder.queryField("pushConfig", (t) =>
  t.field({
    type: PushConfigRef,
    description: "Whether notifications can be turned on, and the key to subscribe with. Public.",
    resolve: (_root, _args, context) => context.services.push,
  }),
);

const PushKeysInput = builder.inputType("PushSubscriptionKeysInput", {
  fields: (t) => ({
    p256dh: t.string({ required: true, description: "The browser's P-256 public key, base64url." }),
    auth: t.string({ required: true, description: "The browser's auth secret, base64url." }),
  }),
});

const RegisterPushSubscriptionInput = builder.inputType("RegisterPushSubscriptionInput", {
  description: "A Web Push subscription as `PushSubscription.toJSON()` gives it.",
  fields: (t) => ({
    endpoint: t.string({ required: true, description: "The push service URL (https)." }),
    keys: t.field({ type: PushKeysInput, required: true }),
  }),
});

builder.mutationFields((t) => ({
  registerPushSubscription: t.field({
    type: UserRef,
    description:
      "Notifies this browser of new replies and of messages agents start while the person is away. The same subscription again changes nothing.",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: RegisterPushSubscriptionInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = subscriptionInput.parse(args.input);
      const userId = viewerOf(context).userId;
      const fresh = await registerPushSubscription(
        context.services.commands,
        userId,
        input,
        requestMeta(context),
      );
      return viewerUser(context, fresh);
    },
  }),
  removePushSubscription: t.field({
    type: UserRef,
    description:
      "Stops notifications to one of the signed-in person's subscriptions; one that is not theirs, or already gone, changes nothing.",
    authScopes: { viewer: true },
    args: { endpoint: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      const parsed = z.object({ endpoint: endpointText }).parse({ endpoint: args.endpoint });
      const userId = viewerOf(context).userId;
      const fresh = await removePushSubscription(
        context.services.commands,
        userId,
        parsed.endpoint,
        requestMeta(context),
      );
      return viewerUser(context, fresh);
    },
  }),
}));
