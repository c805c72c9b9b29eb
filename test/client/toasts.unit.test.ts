import { describe, expect, it } from "vitest";
import { lifetimeOf, UNDO_MS } from "../../client/src/ui/toasts.tsx";

const action = { label: "Undo", run: () => {} };

describe("how long a toast stays", () => {
  it("keeps an error with Retry until it is used, and lets an offer to undo time out", () => {
    expect(lifetimeOf({ kind: "error", action: { ...action, label: "Retry" } })).toBeNull();
    expect(lifetimeOf({ kind: "info", action })).toBe(UNDO_MS);
    expect(UNDO_MS).toBeGreaterThanOrEqual(5_000);
  });

  it("lets other news go after a few seconds", () => {
    expect(lifetimeOf({ kind: "info" })).toBe(4_000);
    expect(lifetimeOf({ kind: "error" })).toBe(8_000);
  });
});
