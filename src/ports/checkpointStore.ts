import type { Position } from "./eventStore.ts";

/** Where a reactor keeps how far it has handled the event stream. */
export interface CheckpointStore {
  load(name: string): Promise<Position | null>;
  save(name: string, position: Position): Promise<void>;
}
