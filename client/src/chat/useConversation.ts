import type { Client } from "@urql/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { useClient } from "urql";
import type { ResultOf } from "../api/graphql.ts";
import {
  AvailabilityQuery,
  ConversationEventsSubscription,
  ConversationQuery,
  EarlierMessagesQuery,
} from "../api/operations/chat.ts";
import { errorText } from "../ui/format.ts";
import { useToast } from "../ui/toasts.tsx";
import { applyEvent, revisionOf } from "./applyEvent.ts";
import {
  type ConversationEvent,
  type ConversationModel,
  emptyConversation,
  mergeAll,
} from "./conversationModel.ts";
import { usePathRefresh } from "./usePathRefresh.ts";

const PAGE = 30;
type Loaded = ResultOf<typeof ConversationQuery>["conversation"];
export type ConversationAgent = Loaded["agent"];
export type Availability = Loaded["state"]["availability"];

export interface ConversationView {
  status: "loading" | "ready" | "error";
  error: string | null;
  agent: ConversationAgent | null;
  availability: Availability | null;
  model: ConversationModel;
  earlier: { has: boolean; loading: boolean };
}

/** Holds the model in a ref so events arriving between renders each see the one before. */
function useModel() {
  const ref = useRef<ConversationModel>(emptyConversation);
  const [model, setModel] = useState(ref.current);
  const update = useCallback((change: (model: ConversationModel) => ConversationModel) => {
    ref.current = change(ref.current);
    setModel(ref.current);
  }, []);
  return { ref, model, update };
}

/**
 * One conversation: the newest page, then live events from the revision the page reflects. The
 * socket's resubscription after a drop asks for events after the last revision applied, and
 * messages merge by id, so a reconnect neither loses nor repeats anything.
 */
export function useConversation(
  agentId: string,
  onEvent: (event: ConversationEvent, fresh: boolean) => void,
) {
  const client = useClient();
  const toast = useToast();
  const { ref, model, update } = useModel();
  const [view, setView] = useState<Omit<ConversationView, "model">>({
    status: "loading",
    error: null,
    agent: null,
    availability: null,
    earlier: { has: false, loading: false },
  });
  const cursor = useRef<string | null>(null);
  const [subscribeAfter, setSubscribeAfter] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const eventSink = useRef(onEvent);
  eventSink.current = onEvent;

  useEffect(() => {
    let cancelled = false;
    update(() => emptyConversation);
    setSubscribeAfter(null);
    setView((v) => ({ ...v, status: "loading", error: null, agent: null }));
    void load(client, agentId).then((result) => {
      if (cancelled) return;
      if (!result.data) {
        setView((v) => ({
          ...v,
          status: "error",
          error: errorText(result.error, "The conversation did not load."),
        }));
        return;
      }
      const { agent, state, messages } = result.data.conversation;
      cursor.current = messages.pageInfo.startCursor ?? null;
      const nodes = messages.edges.map((e) => e.node);
      update((m) => ({
        ...mergeAll(m, nodes),
        lastRevision: Math.max(m.lastRevision, state.revision),
        feeling: m.feeling ?? state,
      }));
      const newest = nodes.reduce((max, n) => Math.max(max, Number(n.cursor) || -1), -1);
      setSubscribeAfter(Math.min(state.revision, nodes.length > 0 ? newest : -1));
      setView({
        status: "ready",
        error: null,
        agent,
        availability: state.availability,
        earlier: { has: messages.pageInfo.hasPreviousPage, loading: false },
      });
    });
    return () => {
      cancelled = true;
    };
  }, [client, agentId, update]);

  useEffect(() => {
    if (subscribeAfter === null) return;
    const afterRevision = generation === 0 ? subscribeAfter : ref.current.lastRevision;
    const resumeVariables = () => ({ afterRevision: ref.current.lastRevision });
    const subscription = client
      .subscription(ConversationEventsSubscription, { agentId, afterRevision }, { resumeVariables })
      .subscribe((result) => {
        if (result.data) {
          const event = result.data.conversationEvents;
          const revision = revisionOf(event);
          const fresh = revision !== null && revision > ref.current.lastRevision;
          update((m) => applyEvent(m, event));
          eventSink.current(event, fresh);
        } else if (result.error) {
          toast({
            kind: "error",
            key: "live",
            text: `Live updates stopped: ${errorText(result.error, "")} Retrying…`,
          });
          setTimeout(() => setGeneration((g) => g + 1), 2_000);
        }
      });
    return () => subscription.unsubscribe();
  }, [client, agentId, subscribeAfter, generation, ref, update, toast]);

  useEffect(() => {
    const timer = setInterval(() => {
      void client
        .query(AvailabilityQuery, { agentId }, { requestPolicy: "network-only" })
        .toPromise()
        .then((result) => {
          const availability = result.data?.conversation.state.availability;
          if (availability) setView((v) => ({ ...v, availability }));
        });
    }, 60_000);
    return () => clearInterval(timer);
  }, [client, agentId]);

  const onPathStart = useCallback((page: { startCursor: string | null; hasPreviousPage: boolean }) => {
    cursor.current = page.startCursor;
    setView((v) => ({ ...v, earlier: { has: page.hasPreviousPage, loading: false } }));
  }, []);
  usePathRefresh({
    client,
    agentId,
    model: ref,
    version: model.refresh?.version ?? null,
    update,
    onStart: onPathStart,
  });

  const loadEarlier = useCallback(async () => {
    const before = cursor.current;
    if (!before) return;
    setView((v) => ({ ...v, earlier: { ...v.earlier, loading: true } }));
    const result = await client
      .query(EarlierMessagesQuery, { agentId, last: PAGE, before }, { requestPolicy: "network-only" })
      .toPromise();
    const page = result.data?.conversation.messages;
    if (!page) {
      toast({ kind: "error", text: errorText(result.error, "Earlier messages did not load; try again.") });
      setView((v) => ({ ...v, earlier: { ...v.earlier, loading: false } }));
      return;
    }
    cursor.current = page.pageInfo.startCursor ?? null;
    update((m) =>
      mergeAll(
        m,
        page.edges.map((e) => e.node),
      ),
    );
    setView((v) => ({ ...v, earlier: { has: page.pageInfo.hasPreviousPage, loading: false } }));
  }, [client, agentId, update, toast]);

  return { view: { ...view, model } satisfies ConversationView, update, loadEarlier };
}

function load(client: Client, agentId: string) {
  return client
    .query(ConversationQuery, { agentId, last: PAGE }, { requestPolicy: "network-only" })
    .toPromise();
}
