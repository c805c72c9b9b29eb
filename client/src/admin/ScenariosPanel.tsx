import { type FormEvent, useId, useState } from "react";
import { useClient } from "urql";
import type { VariablesOf } from "../api/graphql.ts";
import { AddScenarioMutation, RetireScenarioMutation } from "../api/operations/admin.ts";
import { errorText, fullTime } from "../ui/format.ts";
import { useToast } from "../ui/toasts.tsx";
import { type Agent, describeWindow, WEEKDAYS, waitForAgent } from "./agentData.ts";

type NewScenario = Omit<VariablesOf<typeof AddScenarioMutation>["input"], "agentId">;

/** Stretches of time when the agent is busy: weekly windows or one-off intervals. */
export function ScenariosPanel({ agent, onChanged }: { agent: Agent; onChanged: () => void }) {
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const settle = async (revision: number, failed: string | null) => {
    if (failed) toast({ kind: "error", text: failed });
    else await waitForAgent(client, agent.id, (a) => a.revision > revision);
    setBusy(false);
    onChanged();
  };
  const retire = async (scenarioId: string) => {
    setBusy(true);
    const result = await client
      .mutation(RetireScenarioMutation, {
        input: { agentId: agent.id, scenarioId, reason: "Retired in the admin view" },
      })
      .toPromise();
    await settle(
      agent.revision,
      result.data ? null : errorText(result.error, "The scenario was not retired."),
    );
  };
  const add = async (input: NewScenario) => {
    setBusy(true);
    const result = await client
      .mutation(AddScenarioMutation, { input: { agentId: agent.id, ...input } })
      .toPromise();
    await settle(agent.revision, result.data ? null : errorText(result.error, "The scenario was not added."));
    return Boolean(result.data);
  };
  return (
    <details className="panel" open>
      <summary>Scenarios ({agent.scenarios.filter((s) => s.active).length} active)</summary>
      {agent.scenarios.length === 0 && <p className="muted">No scenarios yet.</p>}
      <ul className="scenario-list">
        {agent.scenarios.map((scenario) => (
          <li key={scenario.id} className={scenario.active ? "" : "retired"}>
            <div>
              <strong>{scenario.title}</strong>{" "}
              <span className="muted">{describeWindow(scenario.window)}</span>
              <p className="small">{scenario.description}</p>
              <p className="muted small">
                Added {fullTime(scenario.addedAt)}
                {scenario.active ? "" : " · retired"}
              </p>
            </div>
            {scenario.active && (
              <button
                type="button"
                className="small"
                disabled={busy}
                onClick={() => void retire(scenario.id)}
              >
                Retire<span className="visually-hidden"> {scenario.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <AddScenarioForm busy={busy} onAdd={add} />
    </details>
  );
}

function AddScenarioForm(props: { busy: boolean; onAdd: (input: NewScenario) => Promise<boolean> }) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [kind, setKind] = useState<"weekly" | "once">("weekly");
  const [days, setDays] = useState<string[]>(["sat"]);
  const [start, setStart] = useState("10:00");
  const [end, setEnd] = useState("14:00");
  const [startsAt, setStartsAt] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const window =
      kind === "weekly"
        ? { weekly: { days, start, end } }
        : { once: { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() } };
    if (await props.onAdd({ title: title.trim(), description: description.trim(), window })) {
      setTitle("");
      setDescription("");
    }
  };
  const toggleDay = (day: string) =>
    setDays((old) =>
      old.includes(day) ? old.filter((d) => d !== day) : WEEKDAYS.filter((d) => d === day || old.includes(d)),
    );
  return (
    <form className="agent-form" onSubmit={(e) => void submit(e)} aria-label="Add a scenario">
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-description`}>What they are doing</label>
        <textarea
          id={`${id}-description`}
          required
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <fieldset className="row wrap">
        <legend>When</legend>
        {(["weekly", "once"] as const).map((k) => (
          <label key={k} className="inline">
            <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />{" "}
            {k === "weekly" ? "Every week" : "Once"}
          </label>
        ))}
      </fieldset>
      {kind === "weekly" ? (
        <div className="row wrap">
          <fieldset className="row wrap days">
            <legend>Days</legend>
            {WEEKDAYS.map((day) => (
              <label key={day} className="inline">
                <input type="checkbox" checked={days.includes(day)} onChange={() => toggleDay(day)} /> {day}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-start`}>From (agent's clock)</label>
            <input
              id={`${id}-start`}
              type="time"
              required
              value={start}
              onChange={(e) => setStart(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-end`}>Until</label>
            <input
              id={`${id}-end`}
              type="time"
              required
              value={end}
              onChange={(e) => setEnd(e.target.value)}
            />
          </div>
        </div>
      ) : (
        <div className="row wrap">
          <div className="field">
            <label htmlFor={`${id}-starts`}>Starts</label>
            <input
              id={`${id}-starts`}
              type="datetime-local"
              required
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-ends`}>Ends</label>
            <input
              id={`${id}-ends`}
              type="datetime-local"
              required
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
            />
          </div>
        </div>
      )}
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={props.busy || (kind === "weekly" && days.length === 0)}
        >
          Add scenario
        </button>
      </div>
    </form>
  );
}
