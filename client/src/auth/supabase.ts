import type { SupabaseClient } from "@supabase/supabase-js";
import type { SessionStore } from "./session.ts";

const url = import.meta.env.VITE_SUPABASE_URL;
const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY;

/** Whether this build signs people in with Supabase (both public values set at build time). */
export const supabaseConfigured = Boolean(url && anonKey);

let client: Promise<SupabaseClient> | null = null;

/** The Supabase client, loaded on first use so builds without Supabase never fetch it. */
export function supabase(): Promise<SupabaseClient> {
  if (!supabaseConfigured) return Promise.reject(new Error("Supabase sign-in is not configured."));
  client ??= import("@supabase/supabase-js").then(({ createClient }) =>
    createClient(url!, anonKey!, { auth: { persistSession: true, autoRefreshToken: true } }),
  );
  return client;
}

/** Keeps the session's token in step with Supabase's (sign-in links, refreshes, sign-out). */
export async function followSupabaseSession(store: SessionStore): Promise<() => void> {
  if (!supabaseConfigured) return () => {};
  const auth = (await supabase()).auth;
  const { data } = auth.onAuthStateChange((_event, session) => {
    if (session?.access_token) store.signIn(session.access_token, "supabase");
    else if (store.snapshot.source === "supabase") store.signOut();
  });
  return () => data.subscription.unsubscribe();
}

export async function signInWithPassword(email: string, password: string): Promise<void> {
  const { error } = await (await supabase()).auth.signInWithPassword({ email, password });
  if (error) throw new Error(error.message);
}

export async function sendMagicLink(email: string): Promise<void> {
  const { error } = await (await supabase()).auth.signInWithOtp({
    email,
    options: { emailRedirectTo: window.location.origin },
  });
  if (error) throw new Error(error.message);
}

export async function signOutOfSupabase(): Promise<void> {
  if (supabaseConfigured) await (await supabase()).auth.signOut();
}
