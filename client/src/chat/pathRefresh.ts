import {
  type ChatMessage,
  type ConversationModel,
  fromServer,
  keyOf,
  mergeMessage,
  type PathRefresh,
  type ServerMessage,
} from "./conversationModel.ts";
import { isTreeNode } from "./pathModel.ts";

/** Reading the new path's page after a change: when the page shows it, and how it joins what is shown. */

/** Whether a page read from the server already shows the path change asked for. */
export function pageReflects(page: readonly Pick<ServerMessage, "id">[], refresh: PathRefresh): boolean {
  const ids = new Set(page.map((m) => m.id));
  return refresh.contains.every((id) => ids.has(id)) && !refresh.absent.some((id) => ids.has(id));
}

/**
 * Takes the newest page of the path asked for by `version` (a later change asks again itself).
 * `restart` says the page does not join what is kept, so earlier pages load from the page's start.
 */
export function applyRefreshedPage(
  model: ConversationModel,
  version: number,
  read: readonly ServerMessage[],
  hasPreviousPage: boolean,
): { model: ConversationModel; restart: boolean } {
  if (model.refresh?.version !== version) return { model, restart: false };
  // A page read before the change reached the read model still holds what the change took away.
  const absent = new Set(model.refresh.absent);
  const page = read.filter((m) => !absent.has(m.id));
  const newest = page.reduce((max, m) => Math.max(max, Number(m.cursor) || -1), -1);
  const joins = !hasPreviousPage || joinsKept(model, page);
  // Live copies of the page's messages may be further along (completed while the page was read).
  const onPage = new Set(page.map(keyOf));
  let messages: Readonly<Record<string, ChatMessage>> = Object.fromEntries(
    Object.entries(model.messages).filter(
      ([key, m]) => (joins && hasPreviousPage) || onPage.has(key) || m.seq > newest,
    ),
  );
  for (const message of page) messages = mergeMessage(messages, fromServer(message));
  messages = withPlaces(messages, page);
  const pending = { ...model.pending };
  for (const message of page) if (message.clientMessageId) delete pending[message.clientMessageId];
  return { model: { ...model, messages, pending, refresh: null }, restart: !joins };
}

function joinsKept(model: ConversationModel, page: readonly ServerMessage[]): boolean {
  const first = page.find(isTreeNode) ?? page[0];
  if (!first) return true;
  const kept = new Set(Object.values(model.messages).map((m) => m.id));
  return kept.has(first.id) || (first.parentId != null && kept.has(first.parentId));
}

/** The page's word on each message's alternatives wins, even where a live copy was further along. */
function withPlaces(messages: Readonly<Record<string, ChatMessage>>, page: readonly ServerMessage[]) {
  const next = { ...messages };
  for (const message of page) {
    const key = keyOf(message);
    const shown = next[key];
    if (shown && shown.id === message.id && message.siblingIds)
      next[key] = {
        ...shown,
        parentId: message.parentId,
        siblingIds: message.siblingIds,
        siblingIndex: message.siblingIndex,
      };
  }
  return next;
}
