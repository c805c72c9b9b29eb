import { useEffect, useRef } from "react";

const CHECK_EVERY_MS = 3_000;
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `check` once `dueAt` has passed and every few seconds after, until `dueAt` changes: an
 * erasure runs on the server's next sweep after its due time, and a page with no open socket hears
 * of it only by asking.
 */
export function useCheckAfterDue(dueAt: string | null, check: () => void): void {
  const latest = useRef(check);
  latest.current = check;
  useEffect(() => {
    if (!dueAt) return;
    let timer: ReturnType<typeof setTimeout>;
    const wait = (ms: number) => {
      timer = setTimeout(tick, Math.min(Math.max(0, ms), LONGEST_TIMER_MS));
    };
    const tick = () => {
      if (Date.now() < Date.parse(dueAt)) return wait(Date.parse(dueAt) - Date.now());
      latest.current();
      wait(CHECK_EVERY_MS);
    };
    wait(Date.parse(dueAt) - Date.now());
    return () => clearTimeout(timer);
  }, [dueAt]);
}
