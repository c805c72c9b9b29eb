import { useCallback } from "react";
import { useClient } from "urql";
import { AgentPortraitQuery, PictureLinkQuery } from "../api/operations/pictures.ts";

/** Reads a fresh link to an agent's portrait. */
export function useFreshPortraitLink(agentId: string) {
  const client = useClient();
  return useCallback(
    async () =>
      (await client.query(AgentPortraitQuery, { id: agentId }, { requestPolicy: "network-only" }).toPromise())
        .data?.agent?.basePortraitUrl,
    [client, agentId],
  );
}

/** Reads a fresh link to a finished picture. */
export function useFreshPictureLink(imageJobId: string) {
  const client = useClient();
  return useCallback(
    async () =>
      (
        await client
          .query(PictureLinkQuery, { id: imageJobId }, { requestPolicy: "network-only" })
          .toPromise()
      ).data?.imageJob.url,
    [client, imageJobId],
  );
}
