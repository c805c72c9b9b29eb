import type { AnyVariables, CombinedError, DocumentInput, OperationResult } from "@urql/core";
import { useEffect, useMemo, useRef } from "react";
import { useClient } from "urql";
import {
  BranchFromMutation,
  ChooseAlternativeMutation,
  EditMessageMutation,
  HideMessageMutation,
  RegenerateReplyMutation,
  UnhideMessageMutation,
} from "../api/operations/tree.ts";
import { uuid } from "../api/uuid.ts";
import { errorText } from "../ui/format.ts";
import { useDismissToast, useToast } from "../ui/toasts.tsx";
import type { ConversationModel } from "./conversationModel.ts";
import type { TreeControls } from "./MessageActions.tsx";
import { hideShown, unhideShown } from "./pathModel.ts";

type Update = (change: (model: ConversationModel) => ConversationModel) => void;

/**
 * The person's controls over the path. Each request carries a fresh client id, so a repeated
 * request changes nothing twice; what it changes reaches the page through conversationEvents
 * (the same way a second tab sees it).
 */
export function useTreeControls(
  agentId: string,
  update: Update,
  /**
   * After the path moved on to where the person goes on writing (a branch, an edit, a reply written
   * again, a hidden message): the button that did it is gone, and the focus with it.
   */
  onContinue: () => void = () => {},
): TreeControls {
  const client = useClient();
  const toast = useToast();
  const dismissToast = useDismissToast();
  // The undo offers made here belong to this conversation: they go when the person leaves it (the
  // conversation is mounted per agent, so it unmounts then).
  const undoOffers = useRef(new Set<string>());
  useEffect(() => {
    const offers = undoOffers.current;
    return () => {
      for (const key of offers) dismissToast(key);
      offers.clear();
    };
  }, [dismissToast]);
  return useMemo(() => {
    async function run<Data, Variables extends AnyVariables>(
      document: DocumentInput<Data, Variables>,
      variables: Variables,
      failure: string,
    ): Promise<Data | null> {
      const result: OperationResult<Data, Variables> = await client.mutation(document, variables).toPromise();
      if (result.data) return result.data;
      report(result.error, failure);
      return null;
    }
    const report = (error: CombinedError | undefined, failure: string) =>
      toast({ kind: "error", text: `${failure}: ${errorText(error, "try again.")}` });
    const request = (messageId: string) => ({
      input: { agentId, messageId, clientRequestId: uuid() },
    });
    const unhide = async (messageId: string) => {
      const done = await run(UnhideMessageMutation, request(messageId), "The message was not brought back");
      if (done) update((m) => unhideShown(m, messageId));
    };
    return {
      regenerate: (replyId) => {
        onContinue();
        void run(
          RegenerateReplyMutation,
          { input: { agentId, replyId, clientRequestId: uuid() } },
          "The reply was not written again",
        );
      },
      choose: (messageId) =>
        void run(ChooseAlternativeMutation, request(messageId), "That alternative could not be shown"),
      branch: (messageId) => {
        onContinue();
        void run(BranchFromMutation, request(messageId), "The conversation could not go on from there");
      },
      edit: async (messageId, text) => {
        const sent =
          (await run(
            EditMessageMutation,
            { input: { agentId, messageId, text, clientMessageId: uuid() } },
            "The edit was not sent",
          )) !== null;
        if (sent) onContinue();
        return sent;
      },
      hide: async (messageId) => {
        const done = await run(HideMessageMutation, request(messageId), "The message was not hidden");
        if (!done) return;
        update((m) => hideShown(m, messageId));
        onContinue();
        const key = `hide:${agentId}:${messageId}`;
        dismissToast(key);
        undoOffers.current.add(key);
        toast({
          kind: "info",
          key,
          text: "Message hidden.",
          action: { label: "Undo", run: () => void unhide(messageId) },
        });
      },
    } satisfies TreeControls;
  }, [client, agentId, update, toast, dismissToast, onContinue]);
}
