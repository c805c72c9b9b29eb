import { type FormEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { ChatImportAgentsQuery, ImportChatMutation } from "../api/operations/privacy.ts";
import { errorText } from "./format.ts";

export interface ImportedChat {
  agentId: string;
  name: string;
  messages: number;
  warnings: readonly string[];
}

/**
 * A chat import form's state: the agents to pick from (only those the person has not talked to:
 * a chat goes into a conversation that has not begun), the file, and what the last import gave.
 */
export function useChatImport(userId?: string) {
  const [{ data, fetching, error: listError }, refetchAgents] = useQuery({
    query: ChatImportAgentsQuery,
    variables: userId ? { userId } : {},
    pause: userId === "",
  });
  const [importing, importChat] = useMutation(ImportChatMutation);
  const [agentId, setAgentId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<ImportedChat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const agents = userId === "" ? [] : (data?.chatImportAgents ?? []);
  const chosen = agents.find((a) => a.id === agentId) ?? agents[0];
  const ready = Boolean(chosen && file && userId !== "") && !importing.fetching;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !file || userId === "") return;
    setError(null);
    setDone(null);
    const result = await importChat({ input: { agentId: chosen.id, file, ...(userId ? { userId } : {}) } });
    const imported = result.data?.importChat;
    if (!imported) {
      setError(errorText(result.error, "The chat was not imported; try again."));
      return;
    }
    setDone({
      agentId: imported.agentId,
      name: chosen.name,
      messages: imported.messages,
      warnings: imported.warnings,
    });
    // The conversation has begun: that agent takes no other chat now.
    refetchAgents({ requestPolicy: "network-only" });
  };

  const listed = userId !== "" && !fetching && data !== undefined;
  // A person who does not exist has no agents to list: say so before anything is chosen.
  const unlisted = userId !== "" && !fetching && listError ? errorText(listError, "") || null : null;
  return {
    agents,
    listed,
    chosen,
    setAgentId,
    setFile,
    done,
    error: error ?? unlisted,
    importing: importing.fetching,
    ready,
    submit,
  };
}

/** The agent to import into and the JSONL file, as both chat import forms ask for them. */
export function ChatImportFields({
  ids,
  agentLabel,
  form,
}: {
  ids: string;
  agentLabel: string;
  form: ReturnType<typeof useChatImport>;
}) {
  return (
    <>
      <div className="stack field">
        <label htmlFor={`${ids}-agent`}>{agentLabel}</label>
        <select
          id={`${ids}-agent`}
          value={form.chosen?.id ?? ""}
          disabled={form.agents.length === 0}
          onChange={(e) => form.setAgentId(e.target.value)}
        >
          {form.agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
        {form.listed && form.agents.length === 0 && (
          <p className="hint">
            Every {agentLabel.toLowerCase()} has a conversation already; a chat can only go into one that has
            not begun.
          </p>
        )}
      </div>
      <div className="stack field">
        <label htmlFor={`${ids}-file`}>Chat file (JSONL)</label>
        <input
          id={`${ids}-file`}
          type="file"
          accept=".jsonl,application/jsonl,application/x-ndjson"
          required
          onChange={(e) => form.setFile(e.target.files?.[0] ?? null)}
        />
      </div>
    </>
  );
}
