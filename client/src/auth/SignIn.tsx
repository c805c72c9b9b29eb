import { type FormEvent, useId, useState } from "react";
import { devTokenProblem } from "./devToken.ts";
import type { SessionStore } from "./session.ts";
import { sendMagicLink, signInWithPassword, supabaseConfigured } from "./supabase.ts";

const devTokensAllowed = import.meta.env.DEV || !supabaseConfigured;
const QUICK_TOKENS = [
  { token: "dev", label: "Admin" },
  { token: "dev:alex", label: "Alex" },
  { token: "dev:sam", label: "Sam" },
];

export function SignIn({ session }: { session: SessionStore }) {
  const notice = session.snapshot.notice;
  return (
    <main className="signin">
      <div className="signin-card">
        <h1 className="brand">
          <span aria-hidden="true">♥</span> withme
        </h1>
        <p className="muted">Sign in to talk with your companions.</p>
        {notice && (
          <p className="notice" role="alert">
            {notice}
          </p>
        )}
        {supabaseConfigured && <SupabaseSignIn />}
        {devTokensAllowed && <DevSignIn session={session} />}
      </div>
    </main>
  );
}

function DevSignIn({ session }: { session: SessionStore }) {
  const [token, setToken] = useState("dev:alex");
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = token.trim();
    if (!typed) return;
    const refused = devTokenProblem(typed);
    setProblem(refused);
    if (!refused) session.signIn(typed, "dev");
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        Developer sign-in
      </h2>
      <label htmlFor={`${id}-token`}>Dev token</label>
      <div className="row">
        <input
          id={`${id}-token`}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem ${id}-hint` : `${id}-hint`}
        />
        <button type="submit" className="primary">
          Sign in
        </button>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="notice" role="alert">
          {problem}
        </p>
      )}
      <p id={`${id}-hint`} className="hint">
        <code>dev</code> is the admin, <code>dev:&lt;name&gt;</code> a person. The server accepts them only
        outside production.
      </p>
      <fieldset className="row wrap quick">
        <legend className="visually-hidden">Quick sign-in</legend>
        {QUICK_TOKENS.map((quick) => (
          <button key={quick.token} type="button" onClick={() => session.signIn(quick.token, "dev")}>
            {quick.label} <code>{quick.token}</code>
          </button>
        ))}
      </fieldset>
    </form>
  );
}

function SupabaseSignIn() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: boolean }>({
    busy: false,
    message: null,
    error: false,
  });
  const id = useId();
  const run = async (work: () => Promise<string | null>) => {
    setState({ busy: true, message: null, error: false });
    try {
      setState({ busy: false, message: await work(), error: false });
    } catch (error) {
      setState({ busy: false, message: (error as Error).message, error: true });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await signInWithPassword(email, password);
      return null;
    });
  };
  return (
    <form className="stack" onSubmit={submit}>
      <label htmlFor={`${id}-email`}>Email</label>
      <input
        id={`${id}-email`}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <label htmlFor={`${id}-password`}>Password</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="row wrap">
        <button type="submit" className="primary" disabled={state.busy || !password}>
          Sign in
        </button>
        <button
          type="button"
          disabled={state.busy || !email}
          onClick={() =>
            void run(async () => {
              await sendMagicLink(email);
              return "Check your inbox for a sign-in link.";
            })
          }
        >
          Email me a link
        </button>
      </div>
      {state.message && (
        <p className={state.error ? "notice" : "hint"} role={state.error ? "alert" : "status"}>
          {state.message}
        </p>
      )}
    </form>
  );
}
