import { useEffect, useRef } from "react";
import { erasedInThisPage, useErasureAnywhere } from "../auth/erasureAcrossTabs.ts";
import type { ConversationModel, PendingMessage } from "./conversationModel.ts";

const PREFIX = "withme.unsent";

const keyOf = (ownerId: string, agentId: string) => `${PREFIX}.${ownerId}.${agentId}`;

/**
 * Messages a person wrote to one companion that the server has not confirmed, kept in the
 * browser's storage under that person and companion, so a reload or a closed tab while offline
 * loses none of them. They go when they are sent or the person discards them.
 */
export function readUnsent(storage: Storage, ownerId: string, agentId: string): PendingMessage[] {
  try {
    const saved: unknown = JSON.parse(storage.getItem(keyOf(ownerId, agentId)) ?? "[]");
    return Array.isArray(saved) ? saved.filter(isPending) : [];
  } catch {
    return [];
  }
}

export function keepUnsent(
  storage: Storage,
  ownerId: string,
  agentId: string,
  pending: readonly PendingMessage[],
): void {
  const key = keyOf(ownerId, agentId);
  try {
    if (pending.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(pending));
  } catch {
    // Storage full or refused (a private window): the messages stay on the page only.
  }
}

/** On sign-out: what a person left unsent does not stay in a browser someone else may use next. */
export function forgetAllUnsent(storage: Storage): void {
  try {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i));
    for (const key of keys) if (key?.startsWith(`${PREFIX}.`)) storage.removeItem(key);
  } catch {
    // Storage refused: nothing was kept there either.
  }
}

function isPending(value: unknown): value is PendingMessage {
  if (typeof value !== "object" || value === null) return false;
  const p = value as Record<string, unknown>;
  const request = p.request as Record<string, unknown> | null | undefined;
  return (
    typeof p.clientMessageId === "string" &&
    typeof p.text === "string" &&
    typeof p.createdAt === "string" &&
    (request?.kind === "text" ||
      (request?.kind === "image" && (request.prompt === null || typeof request.prompt === "string")))
  );
}

/**
 * Once the conversation has loaded: sends again what an earlier page left unsent (the same client
 * ids, so a message that did arrive is stored once), then keeps the storage in step with the
 * messages still waiting.
 */
export function useUnsentMessages(options: {
  ownerId: string | null;
  agentId: string;
  ready: boolean;
  model: ConversationModel;
  resend: (pending: PendingMessage) => void;
  /** Drops every message waiting on the page, once the person asked for their erasure in any tab. */
  dropAll: () => void;
}) {
  const { ownerId, agentId, ready, model, resend, dropAll } = options;
  useErasureAnywhere(ownerId, dropAll);
  const restored = useRef(false);
  // The client ids this page has had waiting: the storage entries it may replace or remove. Another
  // tab's unsent messages in the same list are left as they are.
  const ours = useRef(new Set<string>());
  // Declared first, so on the render that restores it does not write the list before it was read.
  useEffect(() => {
    // Once the person asked for their erasure, what they write stays on the page only.
    if (!restored.current || !ownerId || erasedInThisPage(ownerId)) return;
    const pending = Object.values(model.pending);
    for (const p of pending) ours.current.add(p.clientMessageId);
    const others = readUnsent(localStorage, ownerId, agentId).filter(
      (p) => !ours.current.has(p.clientMessageId),
    );
    keepUnsent(localStorage, ownerId, agentId, [...others, ...pending]);
  }, [ownerId, agentId, model.pending]);
  useEffect(() => {
    if (restored.current || !ready || !ownerId || erasedInThisPage(ownerId)) return;
    restored.current = true;
    const stored = new Set(Object.values(model.messages).map((m) => m.clientMessageId));
    const unsent = readUnsent(localStorage, ownerId, agentId).filter(
      (p) => !stored.has(p.clientMessageId) && !model.pending[p.clientMessageId],
    );
    const pending = Object.values(model.pending);
    for (const p of [...unsent, ...pending]) ours.current.add(p.clientMessageId);
    keepUnsent(localStorage, ownerId, agentId, [...unsent, ...pending]);
    for (const p of unsent) resend({ ...p, status: "sending", error: null });
  }, [ownerId, agentId, ready, model, resend]);
}
