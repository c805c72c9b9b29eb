import { useId, useState } from "react";
import { useClient, useMutation, useQuery } from "urql";
import { MeQuery } from "../api/operations/chat.ts";
import {
  AccountDeletionQuery,
  CancelAccountDeletionMutation,
  DeleteMyAccountMutation,
  ExportMyDataQuery,
} from "../api/operations/privacy.ts";
import { announceErasure } from "../auth/erasureAcrossTabs.ts";
import { forgetPersonInBrowser } from "../auth/forgetPerson.ts";
import { useForgetDrafts } from "../chat/drafts.tsx";
import { errorText, fullTime } from "../ui/format.ts";
import { useCheckAfterDue } from "./checkAfterDue.ts";

/** Download everything withme holds about the person, or have it erased after a grace period. */
export function YourDataPanel() {
  const ids = useId();
  const client = useClient();
  const [{ data }, refetch] = useQuery({ query: AccountDeletionQuery, requestPolicy: "network-only" });
  const [deleting, deleteAccount] = useMutation(DeleteMyAccountMutation);
  const [cancelling, cancelDeletion] = useMutation(CancelAccountDeletionMutation);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const forgetDrafts = useForgetDrafts();
  const [me] = useQuery({ query: MeQuery, requestPolicy: "cache-first" });
  const dueAt = data?.myAccountDeletion?.dueAt ?? null;
  // Once erased, the sign-in reads as a new account: the page signs out when `me` says so.
  useCheckAfterDue(dueAt, () => {
    void client.query(MeQuery, {}, { requestPolicy: "network-only" }).toPromise();
    refetch({ requestPolicy: "network-only" });
  });

  const download = async () => {
    setError(null);
    setExporting(true);
    const result = await client.query(ExportMyDataQuery, {}, { requestPolicy: "network-only" }).toPromise();
    setExporting(false);
    if (result.error || !result.data) {
      setError(errorText(result.error, "The export did not arrive; try again."));
      return;
    }
    const blob = new Blob([JSON.stringify(result.data.exportMyData, null, 2)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `withme-my-data-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const requestDeletion = async () => {
    if (!window.confirm("Delete your account and erase everything in it? You can cancel until it happens."))
      return;
    setError(null);
    const result = await deleteAccount({});
    if (result.error) setError(errorText(result.error, "The deletion was not scheduled; try again."));
    else {
      // Erasure leaves nothing of the person on this browser either, only their sign-in.
      forgetDrafts();
      forgetPersonInBrowser(localStorage, sessionStorage);
      announceErasure(me.data?.me.id ?? null);
    }
    refetch({ requestPolicy: "network-only" });
  };

  const cancel = async () => {
    setError(null);
    const result = await cancelDeletion({});
    if (result.error) setError(errorText(result.error, "The deletion was not cancelled; try again."));
    refetch({ requestPolicy: "network-only" });
  };

  return (
    <section className="settings-card stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Your data</h2>
      <p className="hint">
        Download everything your companions know about you: your profile, every conversation (also as
        SillyTavern chats) and what they remember.
      </p>
      <div className="row settings-actions">
        <button type="button" onClick={download} disabled={exporting}>
          {exporting ? "Preparing…" : "Download my data"}
        </button>
      </div>
      {dueAt ? (
        <div className="stack" role="status">
          <p className="notice">
            Your account will be deleted on {fullTime(dueAt)}, with everything you wrote.
          </p>
          <div className="row settings-actions">
            <button type="button" className="primary" onClick={cancel} disabled={cancelling.fetching}>
              {cancelling.fetching ? "Cancelling…" : "Keep my account"}
            </button>
          </div>
        </div>
      ) : (
        <div className="row settings-actions">
          <button type="button" className="danger" onClick={requestDeletion} disabled={deleting.fetching}>
            {deleting.fetching ? "Scheduling…" : "Delete my account"}
          </button>
        </div>
      )}
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
