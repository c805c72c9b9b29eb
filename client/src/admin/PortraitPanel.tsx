import { useEffect, useState } from "react";
import { useClient, useSubscription } from "urql";
import { ImageJobSubscription, RegeneratePortraitMutation } from "../api/operations/admin.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { errorText, titleCase } from "../ui/format.ts";
import { useFreshPortraitLink } from "../ui/freshLinks.ts";
import { Picture } from "../ui/Picture.tsx";
import { useToast } from "../ui/toasts.tsx";
import { type Agent, waitForAgent } from "./agentData.ts";

/** Links to one picture differ in their signature and expiry only. */
const samePicture = (a: string | null, b: string) => a?.split("?")[0] === b.split("?")[0];

/** The base portrait, the job drawing a new one (live), and a button to draw another. */
export function PortraitPanel(props: {
  agent: Agent;
  jobId: string | null;
  onJob: (id: string) => void;
  onChanged: () => void;
}) {
  const { agent, jobId } = props;
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const freshLink = useFreshPortraitLink(agent.id);
  const [{ data }] = useSubscription({
    query: ImageJobSubscription,
    variables: { id: jobId ?? "" },
    pause: !jobId,
  });
  const finishedUrl = data?.imageJobUpdated.status === "SUCCEEDED" ? data.imageJobUpdated.url : null;
  const { onChanged } = props;
  useEffect(() => {
    if (finishedUrl)
      void waitForAgent(client, agent.id, (a) => samePicture(a.basePortraitUrl, finishedUrl)).then(onChanged);
  }, [finishedUrl, client, agent.id, onChanged]);
  const job = jobId && data?.imageJobUpdated.id === jobId ? data.imageJobUpdated : null;
  const preview = job?.status === "SUCCEEDED" && job.url ? job.url : agent.basePortraitUrl;
  const regenerate = async () => {
    setBusy(true);
    const result = await client.mutation(RegeneratePortraitMutation, { agentId: agent.id }).toPromise();
    setBusy(false);
    const id = result.data?.regenerateBasePortrait.basePortraitJobId;
    if (id) props.onJob(id);
    else toast({ kind: "error", text: errorText(result.error, "No new portrait was queued.") });
  };
  const working = job && job.status !== "SUCCEEDED" && job.status !== "FAILED";
  return (
    <figure className="portrait">
      {preview ? (
        <Picture
          src={preview}
          freshLink={freshLink}
          alt={`Base portrait of ${agent.name}`}
          width={160}
          height={160}
          data-testid="base-portrait"
        />
      ) : (
        <Avatar agentId={agent.id} name={agent.name} url={null} size={160} />
      )}
      <figcaption>
        {job ? (
          <span role="status">
            Portrait: {titleCase(job.status)}
            {job.queuePosition ? ` (#${job.queuePosition} in line)` : ""}
            {job.status === "FAILED" && job.failureMessage ? ` — ${job.failureMessage}` : ""}
          </span>
        ) : (
          !preview && <span className="muted">No portrait yet</span>
        )}
        {working && <progress aria-label="Drawing the portrait" />}
        <button
          type="button"
          className="small"
          onClick={() => void regenerate()}
          disabled={busy || Boolean(working)}
        >
          {busy ? "Queuing…" : "Regenerate portrait"}
        </button>
      </figcaption>
    </figure>
  );
}
