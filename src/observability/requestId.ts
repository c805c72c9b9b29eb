import { randomUUID } from "node:crypto";

/** The caller's `x-request-id` when it is a sane token, else a new one: every log line of a request carries it. */
export function requestIdFrom(value: string | string[] | null | undefined): string {
  const id = Array.isArray(value) ? value[0] : value;
  return id && /^[\w.:-]{1,128}$/.test(id) ? id : randomUUID();
}
