import { randomUUID } from "node:crypto";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { gql } from "../graphql/apiHarness.ts";
import { eventually } from "../support/coreHarness.ts";
import { zoneWhereItIs } from "../support/timeZones.ts";
import type { ClientServer } from "./clientServer.ts";

/** An `Etc/GMT±n` zone where it is early evening now: the agent is awake, off work, and may send pictures. */
export const eveningZone = (now = new Date()) => zoneWhereItIs(19, now);

export async function createAgent(
  server: ClientServer,
  name: string,
  city = "Lisbon",
  timezone = eveningZone(),
): Promise<string> {
  const created = await gql(
    server.url,
    `mutation($input: CreateAgentInput!) { createAgent(input: $input) { agentId } }`,
    {
      input: {
        name,
        persona: {
          summary: `${name} is a warm illustrator who loves the sea and long walks.`,
          traits: ["warm", "curious", "playful"],
          speakingStyle: "Short, friendly messages.",
          interests: ["drawing", "surfing"],
        },
        identity: { homeCity: city, occupation: "illustrator", timezone },
        appearancePrompt: "shoulder-length curly hair, freckles, a green jacket",
      },
    },
    "dev",
  );
  if (!created.data) throw new Error(JSON.stringify(created.errors));
  const agentId = created.data.createAgent.agentId as string;
  await eventually(async () =>
    (await gql(server.url, `{ agents { id } }`, {}, "dev")).data?.agents.some(
      (a: { id: string }) => a.id === agentId,
    ),
  );
  return agentId;
}

export async function userIdOf(server: ClientServer, token: string): Promise<string> {
  return (await gql(server.url, "{ me { id } }", {}, token)).data!.me.id as string;
}

export interface ListedMessage {
  id: string;
  kind: string;
  status: string;
  text: string | null;
  clientMessageId: string | null;
}

export async function messagesOf(
  server: ClientServer,
  token: string,
  agentId: string,
): Promise<ListedMessage[]> {
  const page = await gql(
    server.url,
    `query($agentId: ID!) { conversation(agentId: $agentId) { messages(last: 100) { edges { node { id kind status text clientMessageId } } } } }`,
    { agentId },
    token,
  );
  return page.data!.conversation.messages.edges.map((e: { node: ListedMessage }) => e.node);
}

/** Sends messages through the API and waits until every one has a completed reply. */
export async function seedConversation(
  server: ClientServer,
  token: string,
  agentId: string,
  texts: string[],
) {
  for (const text of texts)
    await gql(
      server.url,
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`,
      { input: { agentId, text, clientMessageId: randomUUID() } },
      token,
    );
  await eventually(async () => {
    const messages = await messagesOf(server, token, agentId);
    const replies = messages.filter((m) => m.kind === "REPLY" && m.status === "COMPLETED").length;
    return replies >= texts.length && messages.every((m) => m.status !== "STREAMING");
  }, 60_000);
}

/** Writes an AffinityChanged straight into the conversation's stream, as if many kind turns had passed. */
export async function raiseAffinity(server: ClientServer, userId: string, agentId: string, value: number) {
  const now = new Date().toISOString();
  await server.system.eventStore.append(
    conversationStreamId(userId, agentId),
    [
      {
        id: randomUUID(),
        type: "AffinityChanged",
        data: { delta: 5, requestedDelta: 5, reason: "they have grown close", value },
        metadata: {
          occurredAt: now,
          correlationId: randomUUID(),
          causationId: null,
          actor: "test:client-e2e",
          requestId: null,
          schemaVersion: 1,
        },
      },
    ],
    "stream_exists",
  );
}
