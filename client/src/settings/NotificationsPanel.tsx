import { useCallback, useEffect, useId, useState } from "react";
import { useMutation } from "urql";
import {
  RegisterPushSubscriptionMutation,
  RemovePushSubscriptionMutation,
} from "../api/operations/settings.ts";
import { errorText } from "../ui/format.ts";
import {
  currentSubscription,
  pushSupport,
  subscribeBrowser,
  unsubscribeBrowser,
} from "./pushRegistration.ts";

type State = "checking" | "off" | "on" | "enabling" | "disabling";

/** Turns Web Push on or off for this browser; explains why when it cannot be turned on. */
export function NotificationsPanel(props: {
  config: { enabled: boolean; vapidPublicKey: string | null };
  devices: number;
}) {
  const ids = useId();
  const key = props.config.enabled ? props.config.vapidPublicKey : null;
  const support = pushSupport();
  const blocked = support.supported && Notification.permission === "denied";
  const [state, setState] = useState<State>("checking");
  const [error, setError] = useState<string | null>(null);
  const [, register] = useMutation(RegisterPushSubscriptionMutation);
  const [, remove] = useMutation(RemovePushSubscriptionMutation);

  const store = useCallback(
    async (input: { endpoint: string; keys: { p256dh: string; auth: string } }) => {
      const result = await register({ input });
      if (result.error) throw new Error(errorText(result.error, "The server did not take the subscription."));
    },
    [register],
  );

  useEffect(() => {
    if (!key || !support.supported) return;
    let cancelled = false;
    // A browser already subscribed is registered again: the server keeps one entry per endpoint.
    void currentSubscription(key)
      .then(async (existing) => {
        if (existing) await store(existing);
        if (!cancelled) setState(existing ? "on" : "off");
      })
      .catch(() => !cancelled && setState("off"));
    return () => {
      cancelled = true;
    };
  }, [key, support.supported, store]);

  const enable = async () => {
    if (!key) return;
    setError(null);
    setState("enabling");
    try {
      await store(await subscribeBrowser(key));
      setState("on");
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Notifications could not be turned on.");
      setState("off");
    }
  };

  const disable = async () => {
    setError(null);
    setState("disabling");
    try {
      const endpoint = await unsubscribeBrowser();
      if (endpoint) {
        const result = await remove({ endpoint });
        if (result.error) throw new Error(errorText(result.error, "The server still has this browser."));
      }
      setState("off");
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Notifications could not be turned off.");
      setState("on");
    }
  };

  const unavailable = !key
    ? "Notifications are not set up on this server, so new messages show only while withme is open."
    : !support.supported
      ? `${support.reason} New messages show while withme is open.`
      : blocked
        ? "Notifications are blocked for this site; allow them in the browser's site settings to turn them on."
        : null;

  return (
    <section className="settings-card stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Notifications</h2>
      <p className="hint" id={`${ids}-about`}>
        When you are not in the app, get a notification for a new reply or a message an agent starts.
      </p>
      {unavailable ? (
        <p className="settings-unavailable" data-testid="push-unavailable">
          {unavailable}
        </p>
      ) : (
        <div className="row wrap settings-actions">
          {state === "on" || state === "disabling" ? (
            <button
              type="button"
              onClick={disable}
              disabled={state === "disabling"}
              aria-describedby={`${ids}-about`}
            >
              {state === "disabling" ? "Turning off…" : "Turn off notifications"}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              onClick={enable}
              disabled={state !== "off"}
              aria-describedby={`${ids}-about`}
            >
              {state === "enabling" ? "Turning on…" : "Enable notifications"}
            </button>
          )}
          <p className="hint" role="status">
            {state === "on"
              ? "Notifications are on for this browser."
              : state === "checking"
                ? "Checking this browser…"
                : ""}
          </p>
        </div>
      )}
      {props.devices > 0 && (
        <p className="hint">
          {props.devices === 1
            ? "One device gets your notifications."
            : `${props.devices} devices get your notifications.`}
        </p>
      )}
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
