import pino from "pino";

export type Logger = pino.Logger;

/**
 * Structured JSON logs; secrets and message text are removed wherever they appear as fields, and
 * every line is scrubbed before it is written: the configured secret values, credentials in URLs,
 * bearer tokens and API-key-shaped strings, wherever they hide (a provider echoing a key in an
 * error body included).
 */
export function createLogger(options: {
  level: string;
  name?: string;
  destination?: pino.DestinationStream;
  /** Values that must never be written, such as the configured API keys. */
  secrets?: readonly (string | undefined)[];
}): Logger {
  const scrub = secretScrubber(options.secrets ?? []);
  return pino(
    {
      name: options.name ?? "withme",
      level: options.level,
      base: { pid: process.pid },
      hooks: { streamWrite: scrub },
      redact: {
        paths: [
          "*.password",
          "*.apiKey",
          "*.token",
          "*.authorization",
          "*.secret",
          "*.text",
          "req.headers.authorization",
          "req.headers.cookie",
          "headers.authorization",
          "connectionParams.authorization",
          "input.text",
          "variables.input.text",
          "variables.text",
        ],
        censor: "[redacted]",
      },
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination,
  );
}

/** Hides a URL's password and the values of its query (which may carry tokens) before it is printed. */
export function redactUrl(url: string): string {
  const parsed = URL.parse(url);
  if (!parsed) return "[unparseable url]";
  if (parsed.password) parsed.password = "***";
  for (const key of [...parsed.searchParams.keys()]) parsed.searchParams.set(key, "***");
  return parsed.toString();
}

const SHORTEST_SECRET = 6;

/** Replaces secrets in a piece of text (a log line) with a marker. */
export function secretScrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  const values = [...new Set(secrets.filter((s): s is string => !!s && s.length >= SHORTEST_SECRET))]
    .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let clean = text;
    for (const value of values) if (clean.includes(value)) clean = clean.replaceAll(value, "[redacted]");
    return clean
      .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/"'\\]+):([^\s@/"'\\]+)@/gi, "$1:***@")
      .replace(/(\bbearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, "$1[redacted]")
      .replace(/\b(sk|pk|rk)-[A-Za-z0-9_-]{12,}/g, "[redacted]");
  };
}
