/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_SUPABASE_URL?: string;
  readonly VITE_SUPABASE_ANON_KEY?: string;
}

declare module "virtual:persisted-operations" {
  /** The sha256 hash of each operation's document, by operation name. */
  export const persistedHashes: Readonly<Record<string, string>>;
}
