/** Whether a person has a live connection open (a conversation subscription) on any API replica. */
export interface Presence {
  /** Counts one more live connection for the person; call the returned function when it ends. */
  connected(userId: string): () => void;
  isOnline(userId: string): Promise<boolean>;
  close(): Promise<void>;
}
