import { type FormEvent, useId, useState } from "react";
import { useClient } from "urql";
import type { ResultOf } from "../api/graphql.ts";
import { ImportCardMutation, PreviewCardMutation } from "../api/operations/cards.ts";
import { uuid } from "../api/uuid.ts";
import { entriesLabel, errorText } from "../ui/format.ts";
import { useToast } from "../ui/toasts.tsx";
import { waitForAgent } from "./agentData.ts";

type Preview = ResultOf<typeof PreviewCardMutation>["previewCard"];
type Created = (agentId: string, portraitJobId: string | null, warnings?: readonly string[]) => void;

/** Import a character card: read it first, then the operator confirms where the character lives. */
export function CardImportPanel({ onCreated }: { onCreated: Created }) {
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [identity, setIdentity] = useState({ homeCity: "", country: "", occupation: "", timezone: "" });
  const [busy, setBusy] = useState(false);
  // Beside the file, not in a passing toast: the chosen file stays in the input and the reason it
  // cannot be imported has to stay with it until another file is chosen.
  const [error, setError] = useState<string | null>(null);
  // Kept until an import succeeds, so importing again after a lost answer creates nothing twice.
  const [clientRequestId, setClientRequestId] = useState(uuid);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setError(null);
    if (!chosen) return;
    setBusy(true);
    const result = await client.mutation(PreviewCardMutation, { file: chosen }).toPromise();
    setBusy(false);
    const read = result.data?.previewCard;
    if (!read) {
      setError(errorText(result.error, "The card could not be read."));
      return;
    }
    setPreview(read);
    const known = read.identity;
    setIdentity({
      homeCity: known?.homeCity ?? read.guess.homeCity ?? "",
      country: known?.country ?? "",
      occupation: known?.occupation ?? read.guess.occupation ?? "",
      timezone: known?.timezone ?? read.guess.timezone ?? "",
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    const input = {
      file,
      identity: {
        homeCity: identity.homeCity.trim(),
        country: identity.country.trim() || null,
        occupation: identity.occupation.trim(),
        timezone: identity.timezone.trim(),
      },
      clientRequestId,
    };
    const result = await client.mutation(ImportCardMutation, { input }).toPromise();
    const imported = result.data?.importCard;
    if (!imported) {
      setBusy(false);
      toast({ kind: "error", text: errorText(result.error, "The card was not imported.") });
      return;
    }
    setClientRequestId(uuid());
    await waitForAgent(client, imported.agentId, () => true);
    setBusy(false);
    toast({ kind: "info", text: "Card imported." });
    onCreated(imported.agentId, null, imported.warnings);
  };

  const field = (key: keyof typeof identity, label: string, required = true) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        required={required}
        value={identity[key]}
        onChange={(e) => setIdentity((v) => ({ ...v, [key]: e.target.value }))}
      />
    </div>
  );

  return (
    <form className="agent-form" onSubmit={(e) => void submit(e)}>
      <div className="field wide">
        <label htmlFor={`${id}-file`}>Character card (PNG, .charx or JSON)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".png,.charx,.json,image/png,application/json"
          onChange={(e) => void choose(e.target.files?.[0] ?? null)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p id={`${id}-error`} className="notice" role="alert">
            {error}
          </p>
        )}
      </div>
      {preview && (
        <>
          <div className="field wide card-preview">
            <p>
              <strong>{preview.name}</strong> · {preview.format.toUpperCase()}
              {preview.hasPortrait ? " · with portrait" : ""}
              {preview.lorebookEntries > 0 ? ` · lorebook of ${entriesLabel(preview.lorebookEntries)}` : ""}
            </p>
            {preview.greeting && <p className="muted card-greeting">{preview.greeting}</p>}
            {preview.warnings.map((w) => (
              <p key={w} className="muted small">
                {w}
              </p>
            ))}
            <p className="muted small">
              {preview.identity
                ? "The card says where the character lives; change it if you like."
                : "Where does the character live? The fields are a guess from the card's text."}
            </p>
          </div>
          {field("homeCity", "Home city")}
          {field("country", "Country (optional)", false)}
          {field("occupation", "Occupation")}
          {field("timezone", "Time zone")}
        </>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !preview}>
          {busy ? "Working…" : "Import card"}
        </button>
      </div>
    </form>
  );
}
