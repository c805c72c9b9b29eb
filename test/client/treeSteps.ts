import type { Page } from "playwright-core";
import { expect } from "vitest";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { gql } from "../graphql/apiHarness.ts";
import { createAgent, seedConversation, userIdOf } from "./apiSteps.ts";
import { pickAgent } from "./browser.ts";
import type { ClientServer } from "./clientServer.ts";

/** The rows of the conversation shown: each message's bubble with the controls under it. */
export const rows = (page: Page) => page.locator(".message-list > li");

/** The row of the shown message with this exact text. */
export const rowWith = (page: Page, text: string) =>
  rows(page).filter({ has: page.locator(".bubble .text").getByText(text, { exact: true }) });

export const shownTexts = (page: Page) => page.locator(".message-list .bubble .text").allInnerTexts();

/** Waits until the path shown is the server's, no reply streams and the newest message is a finished reply. */
export async function settled(page: Page) {
  await expect
    .poll(() => page.locator(".message-list").getAttribute("aria-busy"), { timeout: 60_000 })
    .toBe("false");
  await expect.poll(() => page.getByTestId("streaming-reply").count(), { timeout: 60_000 }).toBe(0);
  await expect
    .poll(() => page.locator(".message-list > li").last().locator('[data-kind="reply"]').count(), {
      timeout: 60_000,
    })
    .toBe(1);
}

/** Creates an agent, seeds the person's conversation with it with `texts`, and opens it once settled. */
export async function openSeeded(
  server: ClientServer,
  page: Page,
  token: string,
  name: string,
  texts: string[],
): Promise<string> {
  const agentId = await createAgent(server, name);
  if (texts.length > 0) await seedConversation(server, token, agentId, texts);
  await page.goto("/");
  await pickAgent(page, name);
  if (texts.length > 0) await rowWith(page, texts.at(-1)!).waitFor();
  await settled(page);
  return agentId;
}

export async function say(page: Page, agentName: string, text: string) {
  const replies = await page.locator('.message-list [data-kind="reply"]').count();
  await page.getByLabel(`Message to ${agentName}`).fill(text);
  await page.keyboard.press("Enter");
  await rowWith(page, text).waitFor();
  await expect
    .poll(() => page.locator('.message-list [data-kind="reply"]').count(), { timeout: 60_000 })
    .toBeGreaterThan(replies);
  await settled(page);
}

export interface PathMessage {
  id: string;
  kind: string;
  text: string | null;
  status: string;
  siblingIds: string[] | null;
  siblingIndex: number | null;
}

/** The active path through the API, oldest first, with the affinity the API reports for it. */
export async function pathOf(server: ClientServer, token: string, agentId: string) {
  const result = await gql(
    server.url,
    `query($agentId: ID!) { conversation(agentId: $agentId) {
      state { affinity }
      messages(last: 100) { edges { node { id kind text status siblingIds siblingIndex } } }
    } }`,
    { agentId },
    token,
  );
  const conversation = result.data!.conversation;
  return {
    affinity: conversation.state.affinity as number,
    messages: conversation.messages.edges.map((e: { node: PathMessage }) => e.node) as PathMessage[],
  };
}

/**
 * The affinity a path leads to, from the stored events alone: every change caused by a message on
 * the path, and no other, added up within the bounds.
 */
export async function affinityAlong(
  server: ClientServer,
  token: string,
  agentId: string,
  pathIds: readonly string[],
): Promise<{ affinity: number; changes: number; elsewhere: number }> {
  const streamId = conversationStreamId(await userIdOf(server, token), agentId);
  const onPath = new Set(pathIds);
  let affinity = 0;
  let changes = 0;
  let elsewhere = 0;
  for (const event of await server.system.events.readStream(streamId)) {
    if (event.type !== "AffinityChanged") continue;
    if (!event.data.causedBy || !onPath.has(event.data.causedBy)) {
      elsewhere++;
      continue;
    }
    changes++;
    affinity = Math.max(-100, Math.min(100, affinity + event.data.delta));
  }
  return { affinity, changes, elsewhere };
}
