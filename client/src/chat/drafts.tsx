import { createContext, type ReactNode, useContext, useState } from "react";
import { useErasureAnywhere } from "../auth/erasureAcrossTabs.ts";

/**
 * What a person has typed to each companion and not sent yet, kept while they look at another
 * conversation or their settings. It lives in memory with the signed-in session, so a sign-out
 * leaves nothing behind for whoever signs in next, and goes when the person asks for their erasure
 * in any tab.
 */
const DraftsContext = createContext<Map<string, string> | null>(null);

export function DraftsProvider({ children }: { children: ReactNode }) {
  const [drafts] = useState(() => new Map<string, string>());
  useErasureAnywhere(null, () => drafts.clear());
  return <DraftsContext.Provider value={drafts}>{children}</DraftsContext.Provider>;
}

/** Forgets every draft, for when the person has asked for their erasure. */
export function useForgetDrafts(): () => void {
  const drafts = useContext(DraftsContext);
  return () => drafts?.clear();
}

/** The unsent text for one companion, and a setter that keeps it for when the person returns. */
export function useDraft(agentId: string): [string, (text: string) => void] {
  const drafts = useContext(DraftsContext);
  const [text, setText] = useState(() => drafts?.get(agentId) ?? "");
  // Asked for in another tab, an erasure leaves nothing typed here either.
  useErasureAnywhere(null, () => setText(""));
  const update = (next: string) => {
    setText(next);
    if (next) drafts?.set(agentId, next);
    else drafts?.delete(agentId);
  };
  return [text, update];
}
