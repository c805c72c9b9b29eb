import { useEffect, useState } from "react";
import { useClient, useQuery, useSubscription } from "urql";
import type { ResultOf } from "../api/graphql.ts";
import {
  ProjectionProgressSubscription,
  ProjectionsQuery,
  RebuildProjectionMutation,
} from "../api/operations/admin.ts";
import { errorText, fullTime } from "../ui/format.ts";
import { useToast } from "../ui/toasts.tsx";

type Projection = ResultOf<typeof ProjectionsQuery>["projections"][number];

/** Every read model with its lag; rebuild one (or dry-run it) and follow the rebuild live. */
export function ProjectionsPanel() {
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProjectionsQuery });
  useEffect(() => {
    const timer = setInterval(() => refetch({ requestPolicy: "network-only" }), 5_000);
    return () => clearInterval(timer);
  }, [refetch]);
  return (
    <section aria-labelledby="projections-title" className="stack">
      <h2 id="projections-title">Projections</h2>
      {error && <p role="alert">{errorText(error, "The projections did not load.")}</p>}
      {fetching && !data && <p aria-busy="true">Loading…</p>}
      <div className="table-scroll">
        <table className="projections">
          <thead>
            <tr>
              <th scope="col">Read model</th>
              <th scope="col">Status</th>
              <th scope="col">Version</th>
              <th scope="col">Applied</th>
              <th scope="col">Lag</th>
              <th scope="col">Last event</th>
              <th scope="col">Rebuild</th>
            </tr>
          </thead>
          <tbody>
            {data?.projections.map((projection) => (
              <ProjectionRow key={projection.name} projection={projection} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ProjectionRow({ projection }: { projection: Projection }) {
  const client = useClient();
  const toast = useToast();
  const [watching, setWatching] = useState(false);
  const [{ data }] = useSubscription({
    query: ProjectionProgressSubscription,
    variables: { name: projection.name },
    pause: !watching,
  });
  const progress = watching ? data?.projectionProgress : undefined;
  const rebuild = async (dryRun: boolean) => {
    setWatching(true);
    const result = await client
      .mutation(RebuildProjectionMutation, { name: projection.name, dryRun })
      .toPromise();
    if (!result.data) toast({ kind: "error", text: errorText(result.error, "The rebuild did not start.") });
    else if (!result.data.rebuildProjection.started)
      toast({ kind: "info", text: `A rebuild of ${projection.name} is already running.` });
  };
  const percent =
    progress?.total && progress.applied != null
      ? Math.min(100, Math.round((progress.applied / progress.total) * 100))
      : null;
  return (
    <tr>
      <th scope="row">
        <code>{projection.name}</code>
      </th>
      <td>
        <span className={`tag status-${projection.status}`}>{projection.status}</span>
        {projection.error != null && (
          <span className="small" title={JSON.stringify(projection.error)}>
            {" "}
            ⚠
          </span>
        )}
      </td>
      <td>
        v{projection.version}
        {projection.buildingGeneration != null ? ` (building g${projection.buildingGeneration})` : ""}
      </td>
      <td>{projection.eventsApplied}</td>
      <td>
        {projection.lagEvents} events · {projection.lagSeconds.toFixed(1)} s
      </td>
      <td className="small">{projection.lastEventAt ? fullTime(projection.lastEventAt) : "—"}</td>
      <td>
        <div className="row wrap">
          <button type="button" className="small" onClick={() => void rebuild(false)}>
            Rebuild<span className="visually-hidden"> {projection.name}</span>
          </button>
          <button type="button" className="small ghost" onClick={() => void rebuild(true)}>
            Dry run<span className="visually-hidden"> {projection.name}</span>
          </button>
        </div>
        {progress && (
          <div className="progress-line" role="status">
            <span className="small">
              {progress.mode}
              {progress.applied != null
                ? ` · ${progress.applied}${progress.total ? `/${progress.total}` : ""}`
                : ""}
              {progress.eventsPerSecond ? ` · ${Math.round(progress.eventsPerSecond)}/s` : ""}
              {progress.switched && progress.mode !== "switched" ? " · switched" : ""}
              {progress.error ? ` · ${progress.error}` : ""}
            </span>
            {percent !== null && (
              <progress max={100} value={percent} aria-label={`${projection.name} rebuild`} />
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
