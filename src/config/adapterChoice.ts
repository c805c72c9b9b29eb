/** Which adapter serves a port, and why: what `withme doctor` prints and `/status` shows. */
export interface AdapterChoice {
  port: string;
  adapter: string;
  /** True for the local defaults that stand in for an external service. */
  offline: boolean;
  reason: string;
}
