/** Held by one process at a time; lost when its holder dies or its connection drops. */
export interface LeaseHandle {
  readonly name: string;
  /** Aborted when the lease is lost without being released. */
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

export interface Leases {
  /** Returns the lease once acquired (retrying while another process holds it), or null on abort. */
  acquire(name: string, signal?: AbortSignal): Promise<LeaseHandle | null>;
  /** Returns the lease when no process holds it now, else null at once. */
  tryAcquire(name: string): Promise<LeaseHandle | null>;
  /** Whether any process holds the lease now. */
  isHeld(name: string): Promise<boolean>;
}
