import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: "error" | "info";
  text: string;
  action?: ToastAction;
}

type Show = (toast: Omit<Toast, "id"> & { key?: string }) => void;

const ToastContext = createContext<Show>(() => {});
const DismissContext = createContext<(key: string) => void>(() => {});
const DismissErrorsContext = createContext<() => void>(() => {});

export const useToast = () => useContext(ToastContext);
/** Takes back a keyed toast whose news is out of date (a send that turned out to have arrived). */
export const useDismissToast = () => useContext(DismissContext);
/** Takes back every error toast: they were about a view the person has left. */
export const useDismissErrorToasts = () => useContext(DismissErrorsContext);

/** How long an undo offer stays, as in other chat apps: long enough to change one's mind. */
export const UNDO_MS = 10_000;

/**
 * How long a toast stays: an error with an action (Retry) until used or dismissed, an offer to undo
 * for UNDO_MS, any other for a few seconds.
 */
export function lifetimeOf(toast: Pick<Toast, "kind" | "action">): number | null {
  if (toast.kind === "error") return toast.action ? null : 8_000;
  return toast.action ? UNDO_MS : 4_000;
}

/** Error and info toasts, each for its lifetime (see lifetimeOf). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<(Toast & { key?: string })[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback<Show>(
    (toast) => {
      const id = next.current++;
      setToasts((all) =>
        [...all.filter((t) => !toast.key || t.key !== toast.key), { ...toast, id }].slice(-4),
      );
      const lifetime = lifetimeOf(toast);
      if (lifetime !== null) setTimeout(() => dismiss(id), lifetime);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  const dismissKey = useCallback((key: string) => setToasts((all) => all.filter((t) => t.key !== key)), []);
  const dismissErrors = useCallback(() => setToasts((all) => all.filter((t) => t.kind !== "error")), []);
  const stack = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = stack.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    // The conversation keeps room below its newest message for the toasts, which float over it
    // from a little above the message box.
    const observer = new ResizeObserver(() => {
      const room = element.offsetHeight > 0 ? element.offsetHeight + 24 : 0;
      document.documentElement.style.setProperty("--toasts-room", `${room}px`);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <ToastContext.Provider value={value}>
      <DismissContext.Provider value={dismissKey}>
        <DismissErrorsContext.Provider value={dismissErrors}>{children}</DismissErrorsContext.Provider>
      </DismissContext.Provider>
      <section ref={stack} className="toasts" aria-label="Notices" aria-live="polite">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast ${toast.kind}`}
            role={toast.kind === "error" ? "alert" : "status"}
          >
            <span>{toast.text}</span>
            {toast.action && (
              <button
                type="button"
                className="primary small"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action!.run();
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button
              type="button"
              className="ghost small"
              aria-label="Dismiss"
              onClick={() => dismiss(toast.id)}
            >
              ✕
            </button>
          </div>
        ))}
      </section>
    </ToastContext.Provider>
  );
}
