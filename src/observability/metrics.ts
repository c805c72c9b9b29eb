import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** The API's Prometheus metrics, in a registry of their own (several servers can share a process in tests). */
export interface ApiMetrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route">;
  graphqlOperations: Counter<"type">;
  graphqlErrors: Counter<"code">;
  activeSubscriptions: Gauge<"transport">;
  slowSocketCloses: Counter;
  projectionLag: Gauge<"projection" | "unit">;
}

export function createApiMetrics(options: {
  /** Called when /metrics is scraped, to fill in the projection lag. */
  projectionLag?: () => Promise<{ name: string; lagEvents: number; lagSeconds: number }[]>;
}): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "withme_" });
  const projectionLag = new Gauge({
    name: "withme_projection_lag",
    help: "How far each read model is behind the event store, in events and in seconds.",
    labelNames: ["projection", "unit"] as const,
    registers: [registry],
    async collect() {
      if (!options.projectionLag) return;
      try {
        for (const status of await options.projectionLag()) {
          this.set({ projection: status.name, unit: "events" }, status.lagEvents);
          this.set({ projection: status.name, unit: "seconds" }, status.lagSeconds);
        }
      } catch {
        // An unreachable database shows on /ready; the scrape still answers.
      }
    },
  });
  return {
    registry,
    httpRequests: new Counter({
      name: "withme_http_requests_total",
      help: "HTTP requests by method, route and status.",
      labelNames: ["method", "route", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "withme_http_request_duration_seconds",
      help: "HTTP request latency.",
      labelNames: ["method", "route"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: "withme_graphql_operations_total",
      help: "GraphQL operations executed, by type.",
      labelNames: ["type"] as const,
      registers: [registry],
    }),
    graphqlErrors: new Counter({
      name: "withme_graphql_errors_total",
      help: "GraphQL errors returned, by extensions.code.",
      labelNames: ["code"] as const,
      registers: [registry],
    }),
    activeSubscriptions: new Gauge({
      name: "withme_active_subscriptions",
      help: "Open GraphQL subscriptions, and WebSocket connections.",
      labelNames: ["transport"] as const,
      registers: [registry],
    }),
    slowSocketCloses: new Counter({
      name: "withme_websocket_slow_closes_total",
      help: "WebSocket connections closed (4413) because the client left too much unread.",
      registers: [registry],
    }),
    projectionLag,
  };
}
