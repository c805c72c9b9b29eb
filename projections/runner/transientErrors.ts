/** Errors worth waiting out (a lost connection, a restarting server), as opposed to a broken projection. */
export function isTransient(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; name?: unknown; cause?: unknown };
    const code = typeof candidate.code === "string" ? candidate.code : "";
    if (/^(08|53|57P0|40001|40P01)/.test(code)) return true;
    if (["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND"].includes(code)) return true;
    if (
      typeof candidate.name === "string" &&
      ["ConnectionError", "BackendTerminatedError", "BackendTerminatedUnexpectedlyError"].includes(
        candidate.name,
      )
    ) {
      return true;
    }
    // pg-pool's own words when every connection stayed busy past its connection timeout.
    if (
      current instanceof Error &&
      /Connection terminated|connection is closed|timeout exceeded when trying to connect/i.test(
        current.message,
      )
    )
      return true;
    current = candidate.cause;
  }
  return false;
}
