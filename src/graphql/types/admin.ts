import { z } from "zod";
import type { RecordedEvent } from "../../ports/eventStore.ts";
import { builder } from "../builder.ts";
import { badInput } from "../errors.ts";

const StoredEventRef = builder.objectRef<RecordedEvent>("StoredEvent").implement({
  description: "An event as stored, for operators.",
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.exposeString("type"),
    streamId: t.exposeString("streamId"),
    revision: t.exposeInt("revision"),
    position: t.exposeString("position", { description: "Opaque; pass as `after` to events." }),
    recordedAt: t.field({ type: "DateTime", resolve: (e) => e.recordedAt }),
    data: t.field({ type: "JSON", resolve: (e) => e.data }),
    metadata: t.field({ type: "JSON", resolve: (e) => e.metadata }),
  }),
});

const EventPageRef = builder
  .objectRef<{ events: RecordedEvent[]; after: string; limit: number }>("EventPage")
  .implement({
    fields: (t) => ({
      events: t.field({ type: [StoredEventRef], resolve: (p) => p.events }),
      nextAfter: t.string({
        description: "Where the next page starts; the same as `after` when there is nothing newer yet.",
        resolve: (p) => p.events.at(-1)?.position ?? p.after,
      }),
      hasMore: t.boolean({ resolve: (p) => p.events.length === p.limit }),
    }),
  });

builder.queryField("stream", (t) =>
  t.field({
    type: [StoredEventRef],
    description: "Admin: one stream's events, oldest first (e.g. conversation-<userId>-<agentId>).",
    authScopes: { admin: true },
    args: {
      streamId: t.arg.string({ required: true }),
      fromRevision: t.arg.int({ defaultValue: 0 }),
      limit: t.arg.int({ defaultValue: 100, description: "At most 1000." }),
    },
    resolve: (_root, args, context) => {
      const input = z
        .object({
          streamId: z.string().min(1).max(300),
          fromRevision: z.number().int().min(0),
          limit: z.number().int().min(1).max(1000),
        })
        .parse(args);
      return context.services.events.store.readStream(input.streamId, {
        fromRevision: input.fromRevision,
        maxCount: input.limit,
      });
    },
  }),
);

builder.queryField("events", (t) =>
  t.field({
    type: EventPageRef,
    description: "Admin: all events in global order after a position ('start' for the beginning).",
    authScopes: { admin: true },
    args: {
      after: t.arg.string({ defaultValue: "start" }),
      limit: t.arg.int({ defaultValue: 100, description: "At most 1000." }),
    },
    resolve: async (_root, args, context) => {
      const after = args.after ?? "start";
      const limit = args.limit ?? 100;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badInput("Ask for 1 to 1000 events.");
      try {
        return {
          events: await context.services.events.store.readAll({ after, maxCount: limit }),
          after,
          limit,
        };
      } catch (error) {
        if (after !== "start")
          throw badInput("`after` is not a position from this server; start again from 'start'.");
        throw error;
      }
    },
  }),
);
