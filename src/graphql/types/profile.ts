import { z } from "zod";
import { updateProfile } from "../../application/users/profile.ts";
import { DISPLAY_NAME_MAX } from "../../domain/user/events.ts";
import { builder } from "../builder.ts";
import { requestMeta, viewerOf } from "../context.ts";
import { UserRef, viewerUser } from "./user.ts";

const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use a 24-hour HH:MM time such as 22:00");

const profileInput = z.object({
  displayName: z
    .string()
    .max(DISPLAY_NAME_MAX * 4, "is far too long")
    .nullable()
    .refine((v) => v !== null, "cannot be cleared; leave it out to keep the current name")
    .optional(),
  timezone: z.string().trim().max(64, "is not a time zone name").nullish(),
  quietHours: z
    .object({ start: clockTime, end: clockTime })
    .refine((q) => q.start !== q.end, { message: "start and end must differ", path: ["end"] })
    .nullish(),
  doNotDisturb: z
    .boolean()
    .nullable()
    .refine((v) => v !== null, "cannot be cleared; give true or false, or leave it out")
    .optional(),
});

const QuietHoursInput = builder.inputType("QuietHoursInput", {
  fields: (t) => ({
    start: t.string({ required: true, description: "HH:MM, 24-hour, in the person's time zone." }),
    end: t.string({ required: true, description: "HH:MM, 24-hour; before `start` to run past midnight." }),
  }),
});

const UpdateProfileInput = builder.inputType("UpdateProfileInput", {
  description: "Only the fields given change.",
  fields: (t) => ({
    displayName: t.string({ description: `1 to ${DISPLAY_NAME_MAX} characters.` }),
    timezone: t.string({ description: "An IANA time zone such as Europe/Paris; null clears it." }),
    quietHours: t.field({
      type: QuietHoursInput,
      description: "When agents must not write first; null goes back to the default.",
    }),
    doNotDisturb: t.boolean({ description: "While true, agents never write first." }),
  }),
});

builder.mutationField("updateProfile", (t) =>
  t.field({
    type: UserRef,
    description: "Changes the signed-in person's profile; the same values again change nothing.",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: UpdateProfileInput, required: true }) },
    resolve: async (_root, args, context) => {
      const input = profileInput.parse(args.input);
      // Absent leaves a field as it is; null clears the time zone and the quiet hours only.
      const change = {
        ...(input.displayName != null ? { displayName: input.displayName } : {}),
        ...(input.timezone !== undefined ? { timezone: input.timezone || null } : {}),
        ...(input.quietHours !== undefined ? { quietHours: input.quietHours } : {}),
        ...(input.doNotDisturb != null ? { doNotDisturb: input.doNotDisturb } : {}),
      };
      const userId = viewerOf(context).userId;
      const fresh = await updateProfile(context.services.commands, userId, change, requestMeta(context));
      return viewerUser(context, fresh);
    },
  }),
);
