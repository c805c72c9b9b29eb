import type { ProjectionStatus } from "../../../projections/runner/status.ts";
import { type ProjectionProgress, topics } from "../../ports/liveBus.ts";
import { AsyncQueue, pump } from "../asyncQueue.ts";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { badInput, forbidden, unauthenticated } from "../errors.ts";
import { cancellable, subscriptionLifetime } from "../subscriptionLifetime.ts";

const ProjectionStatusRef = builder.objectRef<ProjectionStatus>("Projection").implement({
  description: "A read model: its version, where it has read to, and how far behind it is.",
  fields: (t) => ({
    name: t.exposeString("name"),
    version: t.exposeInt("version"),
    liveVersion: t.exposeInt("liveVersion", { nullable: true }),
    liveGeneration: t.exposeInt("liveGeneration", { nullable: true }),
    buildingGeneration: t.exposeInt("buildingGeneration", { nullable: true }),
    checkpoint: t.exposeString("checkpoint", { nullable: true }),
    eventsApplied: t.exposeInt("eventsApplied"),
    lagEvents: t.exposeInt("lagEvents"),
    lagSeconds: t.exposeFloat("lagSeconds"),
    status: t.exposeString("status", { description: "running, idle, failed, rebuilding, stale or new." }),
    error: t.field({ type: "JSON", nullable: true, resolve: (p) => p.error }),
    lastEventAt: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.lastEventAt }),
  }),
});

type ProgressShape = ProjectionProgress["payload"];

const ProjectionProgressRef = builder.objectRef<ProgressShape>("ProjectionProgress").implement({
  fields: (t) => ({
    name: t.exposeString("name"),
    mode: t.exposeString("mode", { description: "live, building, switched, checked (dry run) or failed." }),
    generation: t.exposeInt("generation", { nullable: true }),
    checkpoint: t.exposeString("checkpoint", { nullable: true }),
    applied: t.exposeInt("applied", { nullable: true }),
    total: t.exposeInt("total", { nullable: true }),
    eventsPerSecond: t.exposeFloat("eventsPerSecond", { nullable: true }),
    switched: t.exposeBoolean("switched", { nullable: true }),
    error: t.exposeString("error", { nullable: true }),
  }),
});

function requireKnown(context: GraphQLContext, name: string): string {
  if (!context.services.projections.names().includes(name))
    throw badInput(`There is no projection named "${name}"; the projections query lists them.`);
  return name;
}

builder.queryField("projections", (t) =>
  t.field({
    type: [ProjectionStatusRef],
    description: "Admin: every read model and its lag.",
    authScopes: { admin: true },
    resolve: (_root, _args, context) => context.services.projections.statuses(),
  }),
);

interface RebuildAnswerShape {
  name: string;
  started: boolean;
  queued: boolean;
}

const RebuildPayload = builder.objectRef<RebuildAnswerShape>("RebuildProjectionPayload").implement({
  fields: (t) => ({
    name: t.exposeString("name"),
    started: t.exposeBoolean("started", {
      description:
        "True when this request set a rebuild going. False when a rebuild of this projection is already running or waiting, in this or another process: nothing new is started, and projection shows the one under way; follow it with projectionProgress.",
    }),
    queued: t.exposeBoolean("queued", {
      description:
        "True when the rebuild started waits for another projection's rebuild to finish first (one rebuild runs at a time); projectionProgress reports it once it runs.",
    }),
    projection: t.field({
      type: ProjectionStatusRef,
      nullable: true,
      description: "The projection's status as the answer was given.",
      resolve: async (p, _args, context) =>
        (await context.services.projections.statuses()).find((s) => s.name === p.name) ?? null,
    }),
  }),
});

builder.mutationField("rebuildProjection", (t) =>
  t.field({
    type: RebuildPayload,
    description:
      "Admin: rebuilds a read model beside the live one and switches over when it has caught up (a dry run compares instead). Follow it with projectionProgress. Asking again while that projection's rebuild is running or waiting answers started: false and starts nothing; a rebuild of another projection is queued behind it (queued: true) and runs when it is done.",
    authScopes: { admin: true },
    args: { name: t.arg.string({ required: true }), dryRun: t.arg.boolean({ defaultValue: false }) },
    resolve: async (_root, args, context) => {
      const name = requireKnown(context, args.name);
      const answer = await context.services.projections.rebuild(name, { dryRun: Boolean(args.dryRun) });
      return { name, ...answer };
    },
  }),
);

builder.subscriptionField("projectionProgress", (t) =>
  t.field({
    type: ProjectionProgressRef,
    description: "Admin: how far a projection has read, live and during rebuilds.",
    authScopes: { admin: true },
    args: { name: t.arg.string({ required: true }) },
    subscribe: (_root, args, context) => {
      const name = requireKnown(context, args.name);
      return cancellable(context, (cancelled) => progress(context, name, cancelled));
    },
    resolve: (p) => p,
  }),
);

async function* progress(
  context: GraphQLContext,
  name: string,
  cancelled: AbortController,
): AsyncGenerator<ProgressShape> {
  const queue = new AsyncQueue<ProgressShape | "expired" | "demoted">();
  const lifetime = subscriptionLifetime(
    context,
    () => queue.push("expired"),
    cancelled,
    () => queue.push("demoted"),
  );
  lifetime.onEnd(() => queue.close());
  pump(
    context.services.bus.subscribe(topics.projection(name), lifetime.signal),
    queue,
    (message) => message.payload,
    () => queue.close(),
  );
  try {
    for (let next = await queue.next(); next; next = await queue.next()) {
      if (next === "expired")
        throw unauthenticated("The sign-in token has expired; sign in again and resubscribe.");
      if (next === "demoted") throw forbidden("You are no longer an admin; this needs the admin role.");
      yield next;
    }
  } finally {
    lifetime.dispose();
  }
}
