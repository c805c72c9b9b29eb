import { useCallback, useRef } from "react";
import { type CombinedError, useClient } from "urql";
import { RequestImageMutation, RetryReplyMutation, SendMessageMutation } from "../api/operations/chat.ts";
import { uuid } from "../api/uuid.ts";
import { errorText } from "../ui/format.ts";
import { useDismissToast, useToast } from "../ui/toasts.tsx";
import { type ConversationModel, mergeAll, type PendingMessage } from "./conversationModel.ts";

/** No answer came from the server at all, as opposed to an answer that refused the message. */
export const wasUnreachable = (error: CombinedError | undefined): boolean =>
  !!error?.networkError && error.graphQLErrors.length === 0;

type Update = (change: (model: ConversationModel) => ConversationModel) => void;

export const imageRequestText = (prompt: string | null) =>
  prompt?.trim() ? `Send me a picture: ${prompt.trim()}` : "Send me a selfie?";

/**
 * Sends optimistically: the message shows at once, marked as sending. Its clientMessageId is made
 * once, when it is written, and every retry sends that same id, so the server stores it once
 * however often the send is repeated (a lost response, a second click, a retry from the toast).
 * Sends go out one at a time, in the order they were written, so the conversation keeps that order.
 */
export function useSending(agentId: string, update: Update) {
  const client = useClient();
  const toast = useToast();
  const dismissToast = useDismissToast();
  const queue = useRef<Promise<void>>(Promise.resolve());

  const deliverRef = useRef<(pending: PendingMessage) => Promise<void>>(async () => {});
  const transmit = useCallback(
    async (pending: PendingMessage) => {
      const { clientMessageId } = pending;
      const result =
        pending.request.kind === "text"
          ? await client
              .mutation(SendMessageMutation, { input: { agentId, text: pending.text, clientMessageId } })
              .toPromise()
              .then((r) => ({ error: r.error, sent: r.data?.sendMessage }))
          : await client
              .mutation(RequestImageMutation, {
                input: { agentId, prompt: pending.request.prompt, clientRequestId: clientMessageId },
              })
              .toPromise()
              .then((r) => ({ error: r.error, sent: r.data?.requestImage }));
      if (result.sent) {
        const { message, replyId } = result.sent;
        update((m) => ({
          ...mergeAll(m, [message]),
          replyTargets: { ...m.replyTargets, [replyId]: message.id },
        }));
        dismissToast(`send:${clientMessageId}`);
        return;
      }
      const error = errorText(result.error, "The message was not sent.");
      const unreachable = wasUnreachable(result.error);
      let confirmed = false;
      update((m) => {
        // The live events may already have brought the stored message: then it did arrive.
        confirmed = !m.pending[clientMessageId];
        return confirmed
          ? m
          : {
              ...m,
              pending: {
                ...m.pending,
                [clientMessageId]: { ...pending, status: "failed", error, unreachable },
              },
            };
      });
      if (confirmed) return;
      toast({
        kind: "error",
        key: `send:${clientMessageId}`,
        text: `Not sent: ${error}`,
        action: { label: "Retry", run: () => void deliverRef.current(pending) },
      });
    },
    [client, agentId, update, toast, dismissToast],
  );

  const deliver = useCallback(
    (pending: PendingMessage): Promise<void> => {
      const { clientMessageId } = pending;
      update((m) => ({
        ...m,
        pending: {
          ...m.pending,
          [clientMessageId]: { ...pending, status: "sending", error: null, unreachable: false },
        },
      }));
      const turn = queue.current.then(() => transmit(pending));
      queue.current = turn.catch(() => {});
      return turn;
    },
    [update, transmit],
  );
  deliverRef.current = deliver;

  const send = useCallback(
    (text: string) =>
      deliver({
        clientMessageId: uuid(),
        text,
        request: { kind: "text" },
        createdAt: new Date().toISOString(),
        status: "sending",
        error: null,
      }),
    [deliver],
  );

  const askForImage = useCallback(
    (prompt: string | null) =>
      deliver({
        clientMessageId: uuid(),
        text: imageRequestText(prompt),
        request: { kind: "image", prompt: prompt?.trim() || null },
        createdAt: new Date().toISOString(),
        status: "sending",
        error: null,
      }),
    [deliver],
  );

  const retryReply = useCallback(
    async (messageId: string) => {
      const result = await client.mutation(RetryReplyMutation, { input: { agentId, messageId } }).toPromise();
      if (result.data) {
        const { replyId } = result.data.retryReply;
        update((m) => ({ ...m, replyTargets: { ...m.replyTargets, [replyId]: messageId } }));
        return;
      }
      toast({
        kind: "error",
        key: `retry:${messageId}`,
        text: `The retry did not start: ${errorText(result.error, "try again.")}`,
        action: { label: "Retry", run: () => void retryReply(messageId) },
      });
    },
    [client, agentId, update, toast],
  );

  // Back online, what failed only for want of a connection goes again, in the order it was written;
  // a message the server refused keeps its Retry and Discard.
  const resendUnreachable = useCallback(() => {
    let waiting: PendingMessage[] = [];
    update((m) => {
      waiting = Object.values(m.pending).filter((p) => p.status === "failed" && p.unreachable);
      return m;
    });
    for (const pending of waiting) {
      dismissToast(`send:${pending.clientMessageId}`);
      void deliver(pending);
    }
  }, [update, deliver, dismissToast]);

  return { send, askForImage, retrySend: deliver, retryReply, resendUnreachable };
}
