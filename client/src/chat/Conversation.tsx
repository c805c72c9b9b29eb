import { useCallback, useRef, useState } from "react";
import { useQuery } from "urql";
import { useWhenConnectedAgain } from "../api/connectionStatus.ts";
import { MeQuery } from "../api/operations/chat.ts";
import { useDismissToast, useToast } from "../ui/toasts.tsx";
import { ChatHeader } from "./ChatHeader.tsx";
import { Composer } from "./Composer.tsx";
import type { ConversationEvent, PendingMessage } from "./conversationModel.ts";
import { Lightbox } from "./Lightbox.tsx";
import { MemoryPanel } from "./MemoryPanel.tsx";
import { MessageList } from "./MessageList.tsx";
import { useUnsentMessages } from "./unsentMessages.ts";
import { useConversation } from "./useConversation.ts";
import { useOpenConversation } from "./useOpenConversation.ts";
import { useSending } from "./useSending.ts";
import { useTreeControls } from "./useTreeControls.ts";

export function Conversation({
  agentId,
  listed,
  archived = false,
  onBack,
}: {
  agentId: string;
  /** The agent as the list of companions has it now: a name or home changed since the opening shows. */
  listed?: { name: string; identity: { homeCity: string; occupation: string; timezone: string } };
  /**
   * An archived agent takes no new messages: the conversation is there to read, without the
   * agent's availability or the controls that would change it.
   */
  archived?: boolean;
  onBack: () => void;
}) {
  const toast = useToast();
  const dismissToast = useDismissToast();
  const retryReplyRef = useRef<(messageId: string) => void>(() => {});
  const nameRef = useRef("The agent");
  const onEvent = (event: ConversationEvent, fresh: boolean) => {
    if (event.__typename === "MessageAdded" && event.message.clientMessageId)
      dismissToast(`send:${event.message.clientMessageId}`);
    if (event.__typename === "ReplyCompleted" && event.message.inReplyTo)
      dismissToast(`reply:${event.message.inReplyTo}`);
    if (event.__typename !== "ReplyFailed" || !fresh) return;
    const { inReplyTo } = event;
    toast({
      kind: "error",
      key: `reply:${inReplyTo}`,
      text: `${nameRef.current} could not reply: ${event.failureMessage || event.reason}`,
      action: event.retryable ? { label: "Retry", run: () => retryReplyRef.current(inReplyTo) } : undefined,
    });
  };
  const { view, update, loadEarlier } = useConversation(agentId, onEvent);
  useOpenConversation(agentId, view.status === "ready" && view.model.lastRevision < 0);
  const sending = useSending(agentId, update);
  useWhenConnectedAgain(sending.resendUnreachable);
  const [me] = useQuery({ query: MeQuery, requestPolicy: "cache-first" });
  useUnsentMessages({
    ownerId: me.data?.me.id ?? null,
    agentId,
    ready: view.status === "ready",
    model: view.model,
    resend: sending.retrySend,
    dropAll: () => {
      for (const clientMessageId of Object.keys(view.model.pending)) dismissToast(`send:${clientMessageId}`);
      update((m) => ({ ...m, pending: {} }));
    },
  });
  const discardSend = (pending: PendingMessage) => {
    const { clientMessageId } = pending;
    dismissToast(`send:${clientMessageId}`);
    update((m) => {
      const { [clientMessageId]: _, ...rest } = m.pending;
      return { ...m, pending: rest };
    });
  };
  const composerInput = useRef<HTMLTextAreaElement>(null);
  const focusComposer = useCallback(() => composerInput.current?.focus(), []);
  const controls = useTreeControls(agentId, update, focusComposer);
  retryReplyRef.current = (id) => void sending.retryReply(id);
  const agent =
    view.agent && listed
      ? { ...view.agent, name: listed.name, identity: { ...view.agent.identity, ...listed.identity } }
      : view.agent;
  nameRef.current = agent?.name ?? "The agent";
  const [lightbox, setLightbox] = useState<{ url: string; alt: string } | null>(null);
  const [showMemories, setShowMemories] = useState(false);
  const memoriesToggle = useRef<HTMLButtonElement>(null);
  const closeMemories = () => {
    setShowMemories(false);
    memoriesToggle.current?.focus();
  };

  if (view.status === "error")
    return (
      <div className="empty-state" role="alert">
        {view.error}
      </div>
    );
  if (!agent)
    return (
      <div className="empty-state" aria-busy="true">
        Loading the conversation…
      </div>
    );
  return (
    <section className="conversation" aria-label={`Conversation with ${agent.name}`}>
      <ChatHeader
        agent={agent}
        availability={archived ? null : view.availability}
        model={view.model}
        update={update}
        onBack={onBack}
        onShowMemories={() => setShowMemories((shown) => !shown)}
        memoriesShown={showMemories}
        memoriesToggle={memoriesToggle}
      />
      {showMemories && (
        <MemoryPanel
          agentId={agentId}
          agentName={agent.name}
          revision={view.model.lastRevision}
          onClose={closeMemories}
        />
      )}
      <MessageList
        agentName={agent.name}
        agentTimeZone={agent.identity.timezone}
        model={view.model}
        asleepUntil={!archived && view.availability?.status === "ASLEEP" ? view.availability.until : null}
        earlier={view.earlier}
        onLoadEarlier={() => void loadEarlier()}
        onRetrySend={(pending) => void sending.retrySend(pending)}
        onDiscardSend={discardSend}
        onRetryReply={(messageId) => void sending.retryReply(messageId)}
        onOpenImage={setLightbox}
        // The API refuses regenerating, editing and branching with an archived agent.
        controls={archived ? undefined : controls}
      />
      {archived ? (
        <p className="composer archived-note" role="status">
          {agent.name} is archived: you can read this conversation, but no new messages go to them.
        </p>
      ) : (
        <Composer
          agentId={agentId}
          agentName={agent.name}
          onSend={(text) => void sending.send(text)}
          onAskForImage={(prompt) => void sending.askForImage(prompt)}
          inputRef={composerInput}
        />
      )}
      {lightbox && <Lightbox {...lightbox} onClose={() => setLightbox(null)} />}
    </section>
  );
}
