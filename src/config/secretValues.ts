import type { Config } from "./config.ts";

/** Every configured value that must never reach a log line: keys, tokens, and passwords inside URLs. */
export function secretValues(config: Config): string[] {
  const keys = [
    config.OPENAI_API_KEY,
    config.falApiKey,
    config.SUPABASE_SERVICE_ROLE_KEY,
    config.SUPABASE_JWT_SECRET,
    config.PINECONE_API_KEY,
    config.CRON_TOKEN,
    config.VAPID_PRIVATE_KEY,
    config.FCM_PRIVATE_KEY,
    config.WITHME_OPERATIONS_TOKEN,
  ];
  const urls = [config.DATABASE_URL, config.REDIS_URL, config.EVENTSTOREDB_URL, config.OPENAI_BASE_URL];
  const passwords = urls.map((url) => (url ? URL.parse(url)?.password : undefined));
  return [...keys, ...passwords.map((p) => (p ? decodeURIComponent(p) : undefined))].filter(
    (value): value is string => !!value,
  );
}
