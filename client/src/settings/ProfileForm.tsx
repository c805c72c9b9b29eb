import { type FormEvent, useId, useMemo, useState } from "react";
import { useClient, useMutation } from "urql";
import type { ResultOf } from "../api/graphql.ts";
import { MeQuery } from "../api/operations/chat.ts";
import { type ProfileFields, UpdateProfileMutation } from "../api/operations/settings.ts";
import { errorText } from "../ui/format.ts";
import { browserTimeZone, timeZoneChoices, timeZoneLabel } from "./timeZones.ts";

type Profile = ResultOf<typeof ProfileFields>;

/** What agents assume when a person has set no quiet hours (the initiation policy's default). */
const DEFAULT_QUIET = { start: "22:00", end: "08:00" };

export function ProfileForm({ profile }: { profile: Profile }) {
  const ids = useId();
  const detected = useMemo(browserTimeZone, []);
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [timezone, setTimezone] = useState(profile.timezone ?? detected);
  const [quietStart, setQuietStart] = useState(profile.quietHours?.start ?? DEFAULT_QUIET.start);
  const [quietEnd, setQuietEnd] = useState(profile.quietHours?.end ?? DEFAULT_QUIET.end);
  const [doNotDisturb, setDoNotDisturb] = useState(profile.doNotDisturb);
  const [status, setStatus] = useState<{ kind: "saved" | "error"; text: string } | null>(null);
  const [{ fetching }, update] = useMutation(UpdateProfileMutation);
  const client = useClient();
  const zones = useMemo(() => {
    const now = new Date();
    return timeZoneChoices(profile.timezone, detected).map((zone) => ({
      zone,
      label: timeZoneLabel(zone, now),
    }));
  }, [profile.timezone, detected]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    if (quietStart === quietEnd) {
      setStatus({ kind: "error", text: "Quiet hours need different start and end times." });
      return;
    }
    const result = await update({
      input: {
        displayName,
        timezone,
        quietHours: { start: quietStart, end: quietEnd },
        doNotDisturb,
      },
    });
    if (result.error) {
      setStatus({ kind: "error", text: errorText(result.error, "Saving did not work.") });
      return;
    }
    setStatus({ kind: "saved", text: "Saved." });
    // The header shows the name: fetch it again (results carry no __typename to invalidate by).
    void client.query(MeQuery, {}, { requestPolicy: "network-only" }).toPromise();
  };

  return (
    <form
      className="settings-card stack"
      onSubmit={save}
      onChange={() => setStatus(null)}
      aria-labelledby={`${ids}-title`}
    >
      <h2 id={`${ids}-title`}>Profile</h2>
      <div className="stack field">
        <label htmlFor={`${ids}-name`}>Display name</label>
        <input
          id={`${ids}-name`}
          value={displayName}
          maxLength={60}
          required
          autoComplete="nickname"
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </div>
      <div className="stack field">
        <label htmlFor={`${ids}-zone`}>Time zone</label>
        <select
          id={`${ids}-zone`}
          value={timezone}
          aria-describedby={`${ids}-zone-hint`}
          onChange={(e) => setTimezone(e.target.value)}
        >
          {zones.map(({ zone, label }) => (
            <option key={zone} value={zone}>
              {label}
            </option>
          ))}
        </select>
        <p className="hint" id={`${ids}-zone-hint`}>
          {profile.timezone
            ? "Agents use it for your quiet hours and to greet you at the right time of day."
            : `Not saved yet: ${detected} is what this browser says.`}
        </p>
      </div>
      <fieldset aria-describedby={`${ids}-quiet-hint`}>
        <legend>Quiet hours</legend>
        <div className="row wrap">
          <div className="stack field">
            <label htmlFor={`${ids}-quiet-start`}>From</label>
            <input
              id={`${ids}-quiet-start`}
              type="time"
              required
              value={quietStart}
              onChange={(e) => setQuietStart(e.target.value)}
            />
          </div>
          <div className="stack field">
            <label htmlFor={`${ids}-quiet-end`}>Until</label>
            <input
              id={`${ids}-quiet-end`}
              type="time"
              required
              value={quietEnd}
              onChange={(e) => setQuietEnd(e.target.value)}
            />
          </div>
        </div>
        <p className="hint" id={`${ids}-quiet-hint`}>
          Agents won't write to you first between these times, in your time zone.
          {profile.quietHours
            ? ""
            : ` Until you save, ${DEFAULT_QUIET.start} to ${DEFAULT_QUIET.end} applies.`}
        </p>
      </fieldset>
      <div className="stack field">
        <label className="inline">
          <input
            type="checkbox"
            checked={doNotDisturb}
            aria-describedby={`${ids}-dnd-hint`}
            onChange={(e) => setDoNotDisturb(e.target.checked)}
          />
          Do not disturb
        </label>
        <p className="hint" id={`${ids}-dnd-hint`}>
          While this is on, agents never write first. Replies to your own messages still arrive.
        </p>
      </div>
      <div className="row settings-actions">
        <button type="submit" className="primary" disabled={fetching}>
          {fetching ? "Saving…" : "Save settings"}
        </button>
        <p className="hint" role="status">
          {status?.kind === "saved" ? status.text : ""}
        </p>
      </div>
      {status?.kind === "error" && (
        <p className="notice" role="alert">
          {status.text}
        </p>
      )}
    </form>
  );
}
