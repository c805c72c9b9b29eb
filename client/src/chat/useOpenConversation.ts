import { useEffect } from "react";
import { useClient } from "urql";
import { OpenConversationMutation } from "../api/operations/cards.ts";

/** Opening a conversation for the first time lets the agent greet; the greeting arrives as a message. */
export function useOpenConversation(agentId: string): void {
  const client = useClient();
  useEffect(() => {
    void client.mutation(OpenConversationMutation, { agentId }).toPromise();
  }, [client, agentId]);
}
