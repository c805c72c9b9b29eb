import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { usePersistedOperations as persistedOperationsPlugin } from "@graphql-yoga/plugin-persisted-operations";
import { createYoga, type Plugin } from "graphql-yoga";
import type { Logger } from "../observability/logger.ts";
import type { ApiMetrics } from "../observability/metrics.ts";
import type { ApiServices, GraphQLContext, Viewer } from "./context.ts";
import { ARMOR_REFUSAL, asBadInput, toApiError } from "./errors.ts";
import { httpStatusPlugin } from "./httpStatus.ts";
import { inputSafetyPlugin } from "./inputSafety.ts";
import { operationType } from "./operations.ts";
import { type PersistedOperations, persistedOperationId } from "./persistedOperations.ts";
import { createMutationLimiter, type MutationRateLimit, mutationRateLimitPlugin } from "./rateLimit.ts";
import { requestParamsPlugin } from "./requestParams.ts";
import { withmeSchema } from "./schema.ts";
import { sharedEventResultsPlugin } from "./sharedEventResults.ts";
import type { Viewers } from "./viewers.ts";

/** What the HTTP and WebSocket layers hand to yoga for each request or subscription. */
export interface WithmeServerContext {
  withme: {
    requestId: string;
    signal: AbortSignal;
    /** Set for WebSocket operations, where the connection was authenticated once. */
    viewer?: Viewer | null;
    /** The WebSocket connection an operation came on; an HTTP request is a connection of its own. */
    connection?: object;
  };
}

export interface YogaOptions {
  services: ApiServices;
  viewers: Viewers;
  logger: Logger;
  metrics: ApiMetrics;
  production: boolean;
  persisted: PersistedOperations;
  rateLimit: MutationRateLimit;
  /** A Redis client for shared rate limits; in memory when null. */
  rateLimitStore: unknown;
  maxDepth: number;
  /** GraphiQL at GET /graphql, its assets served from this server. */
  graphiql: boolean;
}

export function createWithmeYoga(options: YogaOptions) {
  const { services, viewers, logger, metrics } = options;
  // In production people may run only the web client's own operations, manifest or not.
  const enforcePersisted = options.production;
  return createYoga<WithmeServerContext, GraphQLContext>({
    schema: withmeSchema(),
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // Any site may call the API with a bearer token it holds, never with the browser's cookies.
    cors: { credentials: false },
    graphiql: options.graphiql ? { title: "withme", subscriptionsProtocol: "WS" } : false,
    renderGraphiQL: offlineGraphiQL(),
    logging: {
      debug: (...args) => logger.debug({ component: "yoga" }, args.map(String).join(" ")),
      info: (...args) => logger.debug({ component: "yoga" }, args.map(String).join(" ")),
      warn: (...args) => logger.warn({ component: "yoga" }, args.map(String).join(" ")),
      // Errors a person caused are theirs to fix; unexpected ones are logged by maskError.
      error: (...args) => logger.debug({ component: "yoga" }, args.map(String).join(" ")),
    },
    maskedErrors: {
      maskError: (error) => {
        const { error: mapped, unexpected } = toApiError(error);
        if (unexpected)
          logger.error(
            { err: (error as { originalError?: unknown }).originalError ?? error },
            "unexpected error in a GraphQL operation",
          );
        return mapped;
      },
    },
    context: async (initial) => {
      const { withme } = initial;
      const viewer =
        withme.viewer !== undefined
          ? withme.viewer
          : await viewers.fromAuthorization(initial.request.headers.get("authorization"), withme.requestId);
      return {
        viewer,
        requestId: withme.requestId,
        services,
        signal: withme.signal,
        connection: withme.connection ?? initial.request,
      };
    },
    plugins: [
      requestParamsPlugin(),
      persistedOperationsPlugin<WithmeServerContext>({
        allowArbitraryOperations: async (request) => {
          if (!enforcePersisted) return true;
          const viewer = await viewers
            .fromAuthorization(request.headers.get("authorization"), null)
            .catch(() => null);
          return viewer?.role === "admin";
        },
        extractPersistedOperationId: (params) => persistedOperationId(params),
        getPersistedOperation: (key) => options.persisted.get(key),
        customErrors: {
          notFound: {
            message: "This persisted operation is not known here; send the full document.",
            extensions: { code: "PERSISTED_QUERY_NOT_FOUND" },
          },
          keyNotFound: {
            message: "Send a query: the request holds no GraphQL document.",
            extensions: { code: "BAD_USER_INPUT", http: { status: 400, spec: true } },
          },
          persistedQueryOnly: {
            message: "This server runs only the web client's own operations; send a persisted operation id.",
            extensions: { code: "FORBIDDEN", http: { status: 403 } },
          },
        },
      }),
      inputSafetyPlugin(),
      // Depth first, so a deep document is reported as too deep rather than as too costly.
      EnvelopArmorPlugin({
        maxDepth: { n: options.maxDepth, ignoreIntrospection: true, flattenFragments: true },
        costLimit: { enabled: false },
        maxAliases: { n: 15 },
        maxDirectives: { n: 50 },
        maxTokens: { n: 4000 },
        blockFieldSuggestion: { enabled: options.production },
      }),
      EnvelopArmorPlugin({
        costLimit: { maxCost: 5000 },
        maxDepth: { enabled: false },
        maxAliases: { enabled: false },
        maxDirectives: { enabled: false },
        maxTokens: { enabled: false },
        blockFieldSuggestion: { enabled: false },
      }),
      validationCodesPlugin(),
      mutationRateLimitPlugin(createMutationLimiter(options.rateLimit, options.rateLimitStore)),
      operationMetricsPlugin(metrics),
      httpStatusPlugin(),
      sharedEventResultsPlugin(),
    ],
  });
}

/** Documents that do not validate (unknown fields, too deep, too costly) are the caller's to fix. */
function validationCodesPlugin(): Plugin {
  return {
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(
          result.map((error) =>
            error.extensions?.code && !ARMOR_REFUSAL.test(error.message) ? error : asBadInput(error),
          ),
        );
      },
  };
}

function operationMetricsPlugin(metrics: ApiMetrics): Plugin {
  return {
    onExecute: ({ args }) => {
      metrics.graphqlOperations.inc({ type: operationType(args.document, args.operationName) ?? "unknown" });
      return {
        onExecuteDone: ({ result }) => {
          if (!("errors" in result) || !result.errors) return;
          for (const error of result.errors)
            metrics.graphqlErrors.inc({ code: String(error.extensions?.code ?? "UNKNOWN") });
        },
      };
    },
  };
}

/**
 * GraphiQL with its scripts and styles inlined from the installed package, so the playground
 * works without a network; loaded and rendered the first time someone opens it.
 */
function offlineGraphiQL() {
  let page: Promise<string> | null = null;
  return (options?: Parameters<typeof import("@graphql-yoga/render-graphiql").renderGraphiQL>[0]) => {
    page ??= import("@graphql-yoga/render-graphiql").then(({ renderGraphiQL }) => renderGraphiQL(options));
    return page;
  };
}
