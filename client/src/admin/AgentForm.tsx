import { type FormEvent, useId, useState } from "react";
import { type Agent, MOODS, splitList, timezones } from "./agentData.ts";

export interface AgentFormValues {
  name: string;
  summary: string;
  traits: string;
  speakingStyle: string;
  backstory: string;
  interests: string;
  selfDescribesAsAI: boolean;
  homeCity: string;
  country: string;
  occupation: string;
  timezone: string;
  latitude: string;
  appearancePrompt: string;
  mood: string;
  intensity: number;
}

export function valuesOf(agent: Agent | null): AgentFormValues {
  return {
    name: agent?.name ?? "",
    summary: agent?.persona.summary ?? "",
    traits: agent?.persona.traits.join(", ") ?? "",
    speakingStyle: agent?.persona.speakingStyle ?? "",
    backstory: agent?.persona.backstory ?? "",
    interests: agent?.persona.interests.join(", ") ?? "",
    selfDescribesAsAI: agent?.persona.selfDescribesAsAI ?? false,
    homeCity: agent?.identity.homeCity ?? "",
    country: agent?.identity.country ?? "",
    occupation: agent?.identity.occupation ?? "",
    timezone: agent?.identity.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    latitude: agent?.identity.latitude == null ? "" : String(agent.identity.latitude),
    appearancePrompt: agent?.appearancePrompt ?? "",
    mood: agent?.moodBaseline.mood.toLowerCase() ?? "content",
    intensity: agent?.moodBaseline.intensity ?? 0.5,
  };
}

export const personaInput = (v: AgentFormValues) => ({
  summary: v.summary.trim(),
  traits: splitList(v.traits),
  speakingStyle: v.speakingStyle.trim(),
  backstory: v.backstory.trim() || null,
  interests: splitList(v.interests),
  selfDescribesAsAI: v.selfDescribesAsAI,
});

export const identityInput = (v: AgentFormValues) => ({
  homeCity: v.homeCity.trim(),
  country: v.country.trim() || null,
  occupation: v.occupation.trim(),
  timezone: v.timezone,
  latitude: v.latitude.trim() === "" ? null : Number(v.latitude),
});

/** The persona, identity and appearance of an agent; the mood baseline only when creating one. */
export function AgentForm(props: {
  initial: AgentFormValues;
  withMood: boolean;
  submitLabel: string;
  busy: boolean;
  /** Shown but not editable (an archived agent): no field takes input and there is nothing to save. */
  readOnly?: boolean;
  onSubmit: (values: AgentFormValues) => void;
}) {
  const [v, setValues] = useState(props.initial);
  const id = useId();
  const set = <K extends keyof AgentFormValues>(key: K, value: AgentFormValues[K]) =>
    setValues((old) => ({ ...old, [key]: value }));
  const text = (
    key: keyof AgentFormValues,
    label: string,
    options: { required?: boolean; hint?: string } = {},
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        value={String(v[key])}
        required={options.required}
        onChange={(e) => set(key, e.target.value as never)}
        aria-describedby={options.hint ? `${id}-${key}-hint` : undefined}
      />
      {options.hint && (
        <span id={`${id}-${key}-hint`} className="hint">
          {options.hint}
        </span>
      )}
    </div>
  );
  const area = (key: keyof AgentFormValues, label: string, required = false) => (
    <div className="field wide">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <textarea
        id={`${id}-${key}`}
        value={String(v[key])}
        required={required}
        rows={3}
        onChange={(e) => set(key, e.target.value as never)}
      />
    </div>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(v);
  };
  return (
    <form className="agent-form" onSubmit={submit}>
      <fieldset disabled={props.readOnly}>
        <legend>Persona</legend>
        {text("name", "Name", { required: true })}
        {area("summary", "Summary", true)}
        {text("traits", "Traits", { required: true, hint: "Comma-separated, e.g. warm, curious" })}
        {text("interests", "Interests", { hint: "Comma-separated" })}
        {area("speakingStyle", "Speaking style", true)}
        {area("backstory", "Backstory")}
        <div className="field checkbox">
          <input
            id={`${id}-ai`}
            type="checkbox"
            checked={v.selfDescribesAsAI}
            onChange={(e) => set("selfDescribesAsAI", e.target.checked)}
          />
          <label htmlFor={`${id}-ai`}>Says it is an AI when asked</label>
        </div>
      </fieldset>
      <fieldset disabled={props.readOnly}>
        <legend>Identity</legend>
        {text("homeCity", "Home city", { required: true })}
        {text("country", "Country")}
        {text("occupation", "Occupation", { required: true })}
        <div className="field">
          <label htmlFor={`${id}-timezone`}>Time zone</label>
          <select id={`${id}-timezone`} value={v.timezone} onChange={(e) => set("timezone", e.target.value)}>
            {(timezones().includes(v.timezone) ? timezones() : [v.timezone, ...timezones()]).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </div>
        {text("latitude", "Latitude", { hint: "Optional; decides the seasons (north when empty)" })}
      </fieldset>
      <fieldset disabled={props.readOnly}>
        <legend>Appearance</legend>
        {area("appearancePrompt", "Appearance prompt", true)}
        {props.withMood && (
          <div className="row wrap">
            <div className="field">
              <label htmlFor={`${id}-mood`}>Baseline mood</label>
              <select id={`${id}-mood`} value={v.mood} onChange={(e) => set("mood", e.target.value)}>
                {MOODS.map((mood) => (
                  <option key={mood}>{mood}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-intensity`}>Intensity {v.intensity.toFixed(1)}</label>
              <input
                id={`${id}-intensity`}
                type="range"
                min={0}
                max={1}
                step={0.1}
                value={v.intensity}
                onChange={(e) => set("intensity", Number(e.target.value))}
              />
            </div>
          </div>
        )}
      </fieldset>
      {!props.readOnly && (
        <div className="row">
          <button type="submit" className="primary" disabled={props.busy}>
            {props.busy ? "Saving…" : props.submitLabel}
          </button>
        </div>
      )}
    </form>
  );
}
