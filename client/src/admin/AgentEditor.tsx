import { useState } from "react";
import { useClient } from "urql";
import { UpdateAgentMutation } from "../api/operations/admin.ts";
import { errorText, fullTime, titleCase } from "../ui/format.ts";
import { useToast } from "../ui/toasts.tsx";
import { AgentForm, type AgentFormValues, identityInput, personaInput, valuesOf } from "./AgentForm.tsx";
import { ArchiveAgentButton } from "./ArchiveAgentButton.tsx";
import { type Agent, waitForAgent } from "./agentData.ts";
import { CardPanel } from "./CardPanel.tsx";
import { LifeEventsPanel } from "./LifeEventsPanel.tsx";
import { PortraitPanel } from "./PortraitPanel.tsx";
import { ScenariosPanel } from "./ScenariosPanel.tsx";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function AgentEditor(props: { agent: Agent; portraitJobId: string | null; onChanged: () => void }) {
  const { agent } = props;
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [portraitJobId, setPortraitJobId] = useState(props.portraitJobId);
  const [formKey, setFormKey] = useState(0);
  // An archived agent takes no edits until it is unarchived (the API refuses them with CONFLICT).
  const archived = agent.status === "ARCHIVED";

  const save = async (v: AgentFormValues) => {
    const before = valuesOf(agent);
    const changes = {
      name: v.name.trim() !== agent.name ? v.name.trim() : null,
      persona: same(personaInput(v), personaInput(before)) ? null : personaInput(v),
      identity: same(identityInput(v), identityInput(before)) ? null : identityInput(v),
      appearancePrompt:
        v.appearancePrompt.trim() !== agent.appearancePrompt ? v.appearancePrompt.trim() : null,
    };
    if (Object.values(changes).every((change) => change === null)) {
      toast({ kind: "info", text: "Nothing changed." });
      return;
    }
    setBusy(true);
    const result = await client
      .mutation(UpdateAgentMutation, { input: { agentId: agent.id, ...changes } })
      .toPromise();
    if (!result.data) {
      setBusy(false);
      toast({ kind: "error", text: errorText(result.error, "The changes were not saved.") });
      return;
    }
    if (result.data.updateAgent.basePortraitJobId)
      setPortraitJobId(result.data.updateAgent.basePortraitJobId);
    await waitForAgent(client, agent.id, (a) => a.revision > agent.revision);
    setBusy(false);
    setFormKey((k) => k + 1);
    toast({ kind: "info", text: "Saved." });
    props.onChanged();
  };

  return (
    <article className="agent-editor" aria-labelledby="agent-title">
      <header className="agent-editor-header">
        <fieldset className="frozen" disabled={archived}>
          <PortraitPanel
            agent={agent}
            jobId={portraitJobId}
            onJob={setPortraitJobId}
            onChanged={props.onChanged}
          />
        </fieldset>
        <div>
          <h2 id="agent-title">{agent.name}</h2>
          <p className="muted">
            {agent.identity.occupation} in {agent.identity.homeCity} · {agent.localTime.label} ·{" "}
            {titleCase(agent.source)} · revision {agent.revision}
          </p>
          <p className="muted small">
            Created {fullTime(agent.createdAt)} · <code>{agent.id}</code>
          </p>
          <ArchiveAgentButton agent={agent} onChanged={props.onChanged} />
        </div>
      </header>
      <details className="panel" open>
        <summary>Persona, identity and appearance</summary>
        <AgentForm
          key={`${agent.revision}:${formKey}`}
          initial={valuesOf(agent)}
          withMood={false}
          readOnly={archived}
          submitLabel="Save changes"
          busy={busy}
          onSubmit={(v) => void save(v)}
        />
      </details>
      <fieldset className="frozen" disabled={archived}>
        <CardPanel agentId={agent.id} />
        <ScenariosPanel agent={agent} onChanged={props.onChanged} />
      </fieldset>
      <LifeEventsPanel agentId={agent.id} />
    </article>
  );
}
