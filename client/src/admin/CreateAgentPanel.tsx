import { type FormEvent, useId, useState } from "react";
import { useClient } from "urql";
import { CreateAgentMutation, GenerateAgentMutation } from "../api/operations/admin.ts";
import { uuid } from "../api/uuid.ts";
import { errorText } from "../ui/format.ts";
import { useToast } from "../ui/toasts.tsx";
import { AgentForm, type AgentFormValues, identityInput, personaInput, valuesOf } from "./AgentForm.tsx";
import { waitForAgent } from "./agentData.ts";
import { CardImportPanel } from "./CardImportPanel.tsx";

type Created = (agentId: string, portraitJobId: string | null, warnings?: readonly string[]) => void;

export function CreateAgentPanel({ onCreated }: { onCreated: Created }) {
  const [mode, setMode] = useState<"write" | "generate" | "card">("write");
  return (
    <section aria-labelledby="create-title">
      <h2 id="create-title">New agent</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">How to make it</legend>
        <button type="button" aria-pressed={mode === "write"} onClick={() => setMode("write")}>
          Write it
        </button>
        <button type="button" aria-pressed={mode === "generate"} onClick={() => setMode("generate")}>
          Generate from a prompt
        </button>
        <button type="button" aria-pressed={mode === "card"} onClick={() => setMode("card")}>
          Import a card
        </button>
      </fieldset>
      {mode === "write" && <WriteAgent onCreated={onCreated} />}
      {mode === "generate" && <GenerateAgent onCreated={onCreated} />}
      {mode === "card" && <CardImportPanel onCreated={onCreated} />}
    </section>
  );
}

function useCreation(onCreated: Created) {
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  // Kept until a creation succeeds, so submitting again after a lost answer creates nothing twice.
  const [clientRequestId, setClientRequestId] = useState(uuid);
  const finish = async (
    outcome: Promise<{ agentId: string; basePortraitJobId: string | null } | { error: string }>,
  ) => {
    setBusy(true);
    const result = await outcome;
    if ("error" in result) {
      setBusy(false);
      toast({ kind: "error", text: result.error });
      return;
    }
    setClientRequestId(uuid());
    await waitForAgent(client, result.agentId, () => true);
    setBusy(false);
    toast({ kind: "info", text: "Agent created." });
    onCreated(result.agentId, result.basePortraitJobId);
  };
  return { client, busy, finish, clientRequestId };
}

function WriteAgent({ onCreated }: { onCreated: Created }) {
  const { client, busy, finish, clientRequestId } = useCreation(onCreated);
  const submit = (v: AgentFormValues) =>
    void finish(
      client
        .mutation(CreateAgentMutation, {
          input: {
            name: v.name.trim(),
            persona: personaInput(v),
            identity: identityInput(v),
            appearancePrompt: v.appearancePrompt.trim(),
            moodBaseline: { mood: v.mood, intensity: v.intensity },
            clientRequestId,
          },
        })
        .toPromise()
        .then((r) => r.data?.createAgent ?? { error: errorText(r.error, "The agent was not created.") }),
    );
  return (
    <AgentForm initial={valuesOf(null)} withMood submitLabel="Create agent" busy={busy} onSubmit={submit} />
  );
}

function GenerateAgent({ onCreated }: { onCreated: Created }) {
  const { client, busy, finish, clientRequestId } = useCreation(onCreated);
  const [prompt, setPrompt] = useState("");
  const [appearance, setAppearance] = useState("");
  const [name, setName] = useState("");
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void finish(
      client
        .mutation(GenerateAgentMutation, {
          input: {
            prompt: prompt.trim(),
            appearancePrompt: appearance.trim(),
            name: name.trim() || null,
            clientRequestId,
          },
        })
        .toPromise()
        .then((r) => r.data?.generateAgent ?? { error: errorText(r.error, "The agent was not generated.") }),
    );
  };
  return (
    <form className="agent-form" onSubmit={submit}>
      <div className="field wide">
        <label htmlFor={`${id}-prompt`}>Who they are</label>
        <textarea
          id={`${id}-prompt`}
          required
          rows={3}
          value={prompt}
          placeholder="a cheerful barista in Lisbon who surfs"
          onChange={(e) => setPrompt(e.target.value)}
        />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-appearance`}>Appearance prompt</label>
        <textarea
          id={`${id}-appearance`}
          required
          rows={2}
          value={appearance}
          placeholder="short dark hair, freckles, green jacket"
          onChange={(e) => setAppearance(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name (optional)</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Generating…" : "Generate agent"}
        </button>
      </div>
    </form>
  );
}
