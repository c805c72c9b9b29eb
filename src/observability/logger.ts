import pino from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs; secrets and message text are removed wherever they appear as fields. */
export function createLogger(options: {
  level: string;
  name?: string;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      name: options.name ?? "withme",
      level: options.level,
      base: { pid: process.pid },
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

/** Hides the password part of a connection URL before it is printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "[unparseable url]";
  }
}
