import type { DocumentNode, GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { GraphQLContext } from "./context.ts";
import { apiError } from "./errors.ts";
import { requestCost } from "./requestCost.ts";
import { onlyResendsAcceptedMessages } from "./retriedSends.ts";

export interface MutationRateLimit {
  /** Mutations a person may make in each window. */
  points: number;
  windowSeconds: number;
}

export const defaultMutationRateLimit: MutationRateLimit = { points: 30, windowSeconds: 10 };

/** Counts each person's mutations: in memory, or in Redis (shared by every API replica) when given a client. */
export function createMutationLimiter(limit: MutationRateLimit, redis: unknown = null) {
  const options = { keyPrefix: "withme-mutations", points: limit.points, duration: limit.windowSeconds };
  return redis ? new RateLimiterRedis({ ...options, storeClient: redis }) : new RateLimiterMemory(options);
}

type Limiter = ReturnType<typeof createMutationLimiter>;

/**
 * Refuses a mutation (or a costly query) over the limit with RATE_LIMITED and how many seconds to
 * wait. Resending messages already stored is not a change: it passes uncounted.
 */
export function mutationRateLimitPlugin(limiter: Limiter): Plugin<GraphQLContext> {
  return {
    onExecute: async ({ args, setResultAndStopExecution, extendContext }) => {
      // The request's own point is taken below: a long read may take the rest of the budget.
      chargeReads(limiter, args.contextValue as GraphQLContext, extendContext, 1);
      await charge(limiter, args, setResultAndStopExecution);
    },
    // A subscription resumed far back reads the conversation from its start: it takes points then.
    onSubscribe: ({ args, extendContext }) =>
      chargeReads(limiter, args.contextValue as GraphQLContext, extendContext, 0),
  };
}

/**
 * Lets a read that turns out long (a history of thousands of events) take more of the budget, at
 * most what `taken` points already spent by the request leave of it, so every read can be made.
 */
function chargeReads(
  limiter: Limiter,
  context: GraphQLContext,
  extendContext: (extension: Partial<GraphQLContext>) => void,
  taken: number,
): void {
  const viewer = context.viewer;
  if (!viewer || viewer.role === "admin") return;
  extendContext({
    chargeRead: async (points: number) => {
      const charged = Math.min(points, limiter.points - taken);
      if (charged <= 0) return;
      try {
        await limiter.consume(viewer.userId, charged);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        throw rateLimited(error);
      }
    },
  });
}

async function charge(
  limiter: Limiter,
  args: {
    document: DocumentNode;
    operationName?: string | null;
    variableValues?: Record<string, unknown> | null;
    contextValue: unknown;
  },
  refuse: (result: { errors: GraphQLError[] }) => void,
): Promise<void> {
  const context = args.contextValue as GraphQLContext;
  if (!context.viewer) return;
  const cost = requestCost(args.document, args.operationName, context.viewer.role);
  if (cost === 0) return;
  const { document, operationName, variableValues } = args;
  const resends = (cachedOnly: boolean) =>
    onlyResendsAcceptedMessages(document, operationName, variableValues, context, { cachedOnly });
  if (await resends(true)) return;
  try {
    await limiter.consume(context.viewer.userId, cost);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    if (await resends(false)) return;
    refuse({ errors: [rateLimited(error)] });
  }
}

function rateLimited(error: RateLimiterRes): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
  return apiError("RATE_LIMITED", `Too many changes at once; wait ${retryAfterSeconds} s and try again.`, {
    retryAfterSeconds,
    // Said again as HTTP's own Retry-After, for clients and proxies that read only that.
    http: { headers: { "retry-after": String(retryAfterSeconds) } },
  });
}
