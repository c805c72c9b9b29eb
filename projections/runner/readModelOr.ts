/**
 * Reads a read model, treating one the projector has not created yet (a fresh database, the API
 * up before the projector) as empty rather than as a failure.
 */
export async function readModelOr<T>(fallback: T, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if ((error as { code?: unknown }).code === "42P01" || hasUndefinedTable(error)) return fallback;
    throw error;
  }
}

function hasUndefinedTable(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && (cause as { code?: unknown }).code === "42P01";
}
