/**
 * Reads a read model, treating one the projector has not created yet (a fresh database, the API
 * up before the projector) as empty rather than as a failure.
 */
export async function readModelOr<T>(fallback: T, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isMissingReadModel(error)) return fallback;
    throw error;
  }
}

/** Whether a read failed because its table does not exist yet (PostgreSQL's undefined_table). */
export function isMissingReadModel(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "42P01" || hasUndefinedTable(error);
}

function hasUndefinedTable(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && (cause as { code?: unknown }).code === "42P01";
}
