import type { RequestMiddleware } from "@fal-ai/client";

const FAL_HOST = /^(?:[a-z0-9-]+\.)*fal\.(?:run|ai)$/;

/**
 * Sends every call the fal client makes to its own hosts (`queue.fal.run`, `rest.alpha.fal.ai`, …)
 * to `baseUrl` instead, keeping path and query: for a gateway in front of fal, or a local fake.
 */
export function falRedirect(baseUrl: string): RequestMiddleware {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/$/, "");
  return async (request) => {
    const target = new URL(request.url);
    if (!FAL_HOST.test(target.hostname)) return request;
    return { ...request, url: `${base.origin}${prefix}${target.pathname}${target.search}` };
  };
}
