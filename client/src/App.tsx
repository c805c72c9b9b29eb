import { lazy, type MouseEvent, type ReactNode, Suspense, useEffect, useRef, useState } from "react";
import { Provider, useClient, useQuery } from "urql";
import { createApiClient } from "./api/client.ts";
import {
  ConnectionStatusContext,
  ConnectionStatusStore,
  useConnectionStatus,
} from "./api/connectionStatus.ts";
import { MeQuery } from "./api/operations/chat.ts";
import { RemovePushSubscriptionMutation } from "./api/operations/settings.ts";
import { endErasedSession } from "./auth/accountErased.ts";
import { announceAccountErased, useAccountErasedAnywhere } from "./auth/erasureAcrossTabs.ts";
import { forgetPersonInBrowser } from "./auth/forgetPerson.ts";
import { SignIn } from "./auth/SignIn.tsx";
import { type SessionStore, useSession } from "./auth/session.ts";
import { followSupabaseSession, signOutOfSupabase } from "./auth/supabase.ts";
import { ChatPage } from "./chat/ChatPage.tsx";
import { DraftsProvider } from "./chat/drafts.tsx";
import { unsubscribeBrowser } from "./settings/pushRegistration.ts";
import { errorCode, errorText } from "./ui/format.ts";
import { navigate, usePath, useSearchParam } from "./ui/router.ts";
import { ToastProvider } from "./ui/toasts.tsx";

const AdminPage = lazy(() => import("./admin/AdminPage.tsx"));
const SettingsPage = lazy(() =>
  import("./settings/SettingsPage.tsx").then((module) => ({ default: module.SettingsPage })),
);
const SETTINGS = "/?view=settings";

export function App({ session }: { session: SessionStore }) {
  const snapshot = useSession(session);
  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    void followSupabaseSession(session).then((unsubscribe) => {
      if (cancelled) unsubscribe();
      else stop = unsubscribe;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [session]);
  // Notifications belong to whoever was signed in when they came: an Undo or a Retry left over
  // would act on the last person's conversation, so each sign-in and sign-out starts without any.
  return (
    <ToastProvider key={snapshot.generation}>
      {snapshot.token ? (
        <SignedIn key={snapshot.generation} session={session} />
      ) : (
        <SignIn session={session} />
      )}
    </ToastProvider>
  );
}

function SignedIn({ session }: { session: SessionStore }) {
  const [status] = useState(() => new ConnectionStatusStore());
  const [api, setApi] = useState<ReturnType<typeof createApiClient> | null>(null);
  useEffect(() => {
    const created = createApiClient({
      token: session.token,
      status,
      onRefused: () => session.signOut("The server did not accept that sign-in; sign in again."),
      onErased: () => accountErased(session),
    });
    setApi(created);
    return () => created.dispose();
  }, [session, status]);
  useAccountErasedAnywhere(() => endErasedSession(session));
  if (!api) return null;
  return (
    <Provider value={api.client}>
      <ConnectionStatusContext.Provider value={status}>
        <DraftsProvider>
          <Shell session={session} status={status} />
        </DraftsProvider>
      </ConnectionStatusContext.Provider>
    </Provider>
  );
}

/** Signs this tab and every other open one out: the account they show is gone. */
function accountErased(session: SessionStore): void {
  announceAccountErased();
  endErasedSession(session);
}

function Shell({ session, status }: { session: SessionStore; status: ConnectionStatusStore }) {
  const [{ data, error }] = useQuery({ query: MeQuery });
  const path = usePath();
  const view = useSearchParam("view");
  const client = useClient();
  const connection = useConnectionStatus(status);
  const me = data?.me;
  const refused = errorCode(error) === "UNAUTHENTICATED" || error?.response?.status === 401;
  // The same sign-in reads as a new, empty account once the one it had was erased.
  const firstId = useRef<string | null>(null);
  useEffect(() => {
    if (!me?.id) return;
    firstId.current ??= me.id;
    if (me.id !== firstId.current) accountErased(session);
  }, [me?.id, session]);
  useEffect(() => {
    if (refused) session.signOut(errorText(error, "That sign-in did not work; sign in again."));
  }, [refused, error, session]);
  const link = (to: string) => (event: MouseEvent) => {
    event.preventDefault();
    navigate(to);
  };
  const admin = path.startsWith("/admin");
  const settings = !admin && view === "settings";
  const signOut = async () => {
    // Notifications on this browser belong to the person signing out, not to whoever signs in next.
    const endpoint = await unsubscribeBrowser().catch(() => null);
    if (endpoint)
      await Promise.race([
        client.mutation(RemovePushSubscriptionMutation, { endpoint }).toPromise(),
        new Promise((resolve) => setTimeout(resolve, 3_000)),
      ]);
    void signOutOfSupabase();
    forgetPersonInBrowser(localStorage, sessionStorage);
    session.signOut();
  };
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href="/" onClick={link("/")}>
          <span aria-hidden="true">♥</span> <span className="brand-name">withme</span>
        </a>
        <nav aria-label="Main" className="topnav">
          <a href="/" onClick={link("/")} aria-current={admin || settings ? undefined : "page"}>
            Chat
          </a>
          <a href={SETTINGS} onClick={link(SETTINGS)} aria-current={settings ? "page" : undefined}>
            Settings
          </a>
          {me?.role === "ADMIN" && (
            <a href="/admin" onClick={link("/admin")} aria-current={admin ? "page" : undefined}>
              Admin
            </a>
          )}
        </nav>
        {connection === "reconnecting" && (
          <span className="connection" role="status">
            Reconnecting…
          </span>
        )}
        <span className="who" title={me?.id}>
          {me?.displayName}
        </span>
        <button type="button" className="ghost small" onClick={signOut}>
          Sign out
        </button>
      </header>
      {admin ? (
        !me ? (
          <Placeholder title="Admin">{error ? errorText(error, "") : "Loading…"}</Placeholder>
        ) : me.role === "ADMIN" ? (
          <Suspense fallback={<Placeholder title="Admin">Loading the admin view…</Placeholder>}>
            <AdminPage />
          </Suspense>
        ) : (
          <Placeholder title="Admin" alert>
            The admin view is for operators.{" "}
            <a href="/" onClick={link("/")}>
              Back to chat
            </a>
          </Placeholder>
        )
      ) : settings ? (
        <Suspense fallback={<Placeholder title="Settings">Loading the settings…</Placeholder>}>
          <SettingsPage />
        </Suspense>
      ) : (
        <ChatPage />
      )}
    </div>
  );
}

/** A view's landmark and heading while it loads or refuses, so the skip link always lands somewhere. */
function Placeholder(props: { title: string; alert?: boolean; children: ReactNode }) {
  return (
    <main id="main">
      <h1 className="visually-hidden">{props.title}</h1>
      <p className="empty-state" role={props.alert ? "alert" : undefined}>
        {props.children}
      </p>
    </main>
  );
}
