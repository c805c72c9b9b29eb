/**
 * The Pinecone SDK retries 5xx answers but not 429 (rate limited), which a busy project meets
 * routinely; this fetch retries those a bounded number of times, honouring `Retry-After`.
 */
export function retryingOnRateLimit(
  base: typeof fetch,
  maxRetries: number,
  baseDelayMs = 250,
  maxDelayMs = 10_000,
): typeof fetch {
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const response = await base(input, init);
      if (response.status !== 429 || attempt >= maxRetries) return response;
      await response.body?.cancel();
      const retryAfter = Number(response.headers.get("retry-after"));
      const backoff = baseDelayMs * 2 ** attempt * (0.75 + Math.random() / 2);
      const delay =
        Number.isFinite(retryAfter) && response.headers.has("retry-after") ? retryAfter * 1000 : backoff;
      await new Promise((resolve) => setTimeout(resolve, Math.min(maxDelayMs, Math.max(0, delay))));
    }
  };
}
