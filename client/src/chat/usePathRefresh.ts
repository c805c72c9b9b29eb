import type { Client } from "@urql/core";
import { type RefObject, useEffect, useRef } from "react";
import { PathPageQuery } from "../api/operations/tree.ts";
import type { ConversationModel } from "./conversationModel.ts";
import { applyRefreshedPage, pageReflects } from "./pathRefresh.ts";

const PAGE = 30;
const ATTEMPTS = 60;

/**
 * After a change of path, reads the newest page of the new path. The read model may not have the
 * change yet when its event arrives, so a page that does not show it is read again, a little later
 * each time; after the last attempt the page is taken as it is. A newer change stops the reading.
 */
export function usePathRefresh(args: {
  client: Client;
  agentId: string;
  model: RefObject<ConversationModel>;
  /** The refresh asked for by the model shown (null: none). */
  version: number | null;
  update: (change: (model: ConversationModel) => ConversationModel) => void;
  /** The page does not join what was shown, or is the whole path: earlier pages start from it. */
  onStart: (page: { startCursor: string | null; hasPreviousPage: boolean }) => void;
}) {
  const { client, agentId, model, update, onStart, version } = args;
  // One page read at a time: the same query twice in flight would share a single answer.
  const reading = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    if (version === null) return;
    let stopped = false;
    const wanted = () => !stopped && model.current.refresh?.version === version;
    void (async () => {
      for (let attempt = 1; attempt <= ATTEMPTS && wanted(); attempt++) {
        const read = reading.current.then(() =>
          client.query(PathPageQuery, { agentId, last: PAGE }, { requestPolicy: "network-only" }).toPromise(),
        );
        reading.current = read.catch(() => {});
        const result = await read;
        const page = result.data?.conversation.messages;
        const refresh = model.current.refresh;
        if (!wanted() || !refresh) return;
        const nodes = page?.edges.map((e) => e.node) ?? [];
        if (page && (pageReflects(nodes, refresh) || attempt === ATTEMPTS)) {
          let restart = false;
          update((m) => {
            const applied = applyRefreshedPage(m, version, nodes, page.pageInfo.hasPreviousPage);
            restart = applied.restart;
            return applied.model;
          });
          if (restart || !page.pageInfo.hasPreviousPage)
            onStart({
              startCursor: page.pageInfo.startCursor ?? null,
              hasPreviousPage: page.pageInfo.hasPreviousPage,
            });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * attempt)));
      }
    })();
    return () => {
      stopped = true;
    };
  }, [client, agentId, model, update, onStart, version]);
}
