import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { describeAdapters } from "../../src/composition/adapterTable.ts";
import { loadConfig } from "../../src/config/config.ts";
import { secretValues } from "../../src/config/secretValues.ts";
import { createLogger, redactUrl } from "../../src/observability/logger.ts";

function capture(secrets: string[]) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination, secrets }) };
}

describe("secrets never reach the log", () => {
  it("scrubs configured secrets, URL credentials, bearer tokens and key-shaped strings from every line", () => {
    const { lines, logger } = capture(["my-provider-key-123", "hunter2-db"]);
    const echoed = new Error('401 {"error":"Incorrect API key provided: my-provider-key-123"}');
    logger.warn({ err: echoed, body: "the provider said my-provider-key-123" }, "reply failed");
    logger.error({ url: "postgres://withme:hunter2-db@db:5432/withme" }, "database trouble");
    logger.info({ detail: "sent Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def" }, "outbound");
    logger.info({ detail: "key sk-proj-AbCdEfGhIjKlMnOp1234 was refused" }, "outbound");
    logger.info({ detail: "http://someone:s3cr3tpass@127.0.0.1:11434/v1" }, "endpoint");
    const all = lines.join("");
    for (const secret of [
      "my-provider-key-123",
      "hunter2-db",
      "eyJhbGciOiJIUzI1NiJ9",
      "sk-proj-AbCdEf",
      "s3cr3tpass",
    ])
      expect(all).not.toContain(secret);
    expect(all).toContain("[redacted]");
    expect(lines).toHaveLength(5);
  });

  it("lists every configured key, token and URL password as a secret", () => {
    const config = loadConfig(
      {
        OPENAI_API_KEY: "sk-configured",
        DATABASE_URL: "postgres://u:db%40pass@h:5432/d",
        CRON_TOKEN: "cron-token-1",
        SUPABASE_JWT_SECRET: "jwt-secret-value",
      },
      { envFile: false },
    );
    expect(secretValues(config)).toEqual(
      expect.arrayContaining(["sk-configured", "db@pass", "cron-token-1", "jwt-secret-value"]),
    );
  });

  it("shows the model endpoint in doctor without its credentials or query", () => {
    const config = loadConfig(
      { OPENAI_API_KEY: "k", OPENAI_BASE_URL: "https://user:topsecret@llm.example/v1?api_key=abc123" },
      { envFile: false },
    );
    const reasons = describeAdapters(config)
      .map((a) => a.reason)
      .join("\n");
    expect(reasons).toContain("llm.example");
    expect(reasons).not.toContain("topsecret");
    expect(reasons).not.toContain("abc123");
    expect(redactUrl("redis://:pw@host:6379")).not.toContain("pw@");
  });
});
