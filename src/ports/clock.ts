/** Time as the application sees it; tests drive days of simulated time through it. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms` of this clock's time, or at once when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
