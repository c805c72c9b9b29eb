import { useEffect } from "react";
import { useClient } from "urql";
import { OpenConversationMutation } from "../api/operations/cards.ts";

/**
 * A conversation that has not started yet is opened, so the agent greets; the greeting arrives as
 * a message. Conversations with messages are left alone.
 */
export function useOpenConversation(agentId: string, empty: boolean): void {
  const client = useClient();
  useEffect(() => {
    if (empty) void client.mutation(OpenConversationMutation, { agentId }).toPromise();
  }, [client, agentId, empty]);
}
