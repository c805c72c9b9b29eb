import { describe, expect, it } from "vitest";
import { applyAffinityDelta } from "../../../src/domain/conversation/affinity.ts";
import type { ConversationCommand } from "../../../src/domain/conversation/commands.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import {
  AFFINITY_MAX,
  AFFINITY_MIN,
  AFFINITY_TURN_LIMIT,
  type ConversationEvent,
} from "../../../src/domain/conversation/events.ts";
import { DomainError } from "../../../src/domain/shared/decider.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, answered, now, sent, userId } from "./fixtures.ts";

const conversation = spec(conversationDecider);
const address = { userId, agentId, now };

function affinityChanged(
  delta: number,
  value: number,
  requestedDelta = delta,
  causedBy = "r1",
): ConversationEvent {
  return { type: "AffinityChanged", data: { delta, requestedDelta, reason: "kind words", value, causedBy } };
}

describe("ChangeAffinity", () => {
  const command = { type: "ChangeAffinity", ...address, delta: 3, reason: "kind words" } as const;

  it("moves affinity and states the new value", () => {
    conversation
      .given(answered)
      .when(command)
      .then([affinityChanged(3, 3)]);
  });

  it("clamps to what is left of the turn's limit", () => {
    conversation
      .given([...answered, affinityChanged(4, 4)])
      .when(command)
      .then([affinityChanged(1, 5, 3)]);
  });

  it("starts a fresh turn with the next user message", () => {
    conversation
      .given([...answered, affinityChanged(5, 5), sent("m2")])
      .when(command)
      .then([affinityChanged(3, 8, 3, "m2")]);
  });

  it("clamps at the upper bound", () => {
    const nearTop: ConversationEvent[] = [...answered, affinityChanged(1, 99, 1)];
    conversation
      .given(nearTop)
      .when(command)
      .then([affinityChanged(1, 100, 3)]);
  });

  it("writes nothing when the delta is clamped away", () => {
    conversation
      .given([...answered, affinityChanged(5, 5)])
      .when(command)
      .then([]);
    conversation
      .given(answered)
      .when({ ...command, delta: 0 })
      .then([]);
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(command).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects the delta %s", (delta) => {
    conversation
      .given(answered)
      .when({ ...command, delta })
      .thenRejects("AffinityDeltaInvalid", "BAD_USER_INPUT");
  });

  it("rejects a delta beyond the turn limit", () => {
    conversation
      .given(answered)
      .when({ ...command, delta: -(AFFINITY_TURN_LIMIT + 1) })
      .thenRejects("AffinityDeltaTooLarge", "BAD_USER_INPUT");
  });

  it("rejects a change without a reason", () => {
    conversation
      .given(answered)
      .when({ ...command, reason: " " })
      .thenRejects("ReasonRequired", "BAD_USER_INPUT");
  });
});

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("affinity stays within bounds", () => {
  it("for any sequence of turns and changes the decider accepts", () => {
    let reachedBound = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const next = random(seed);
      const direction = seed % 2 === 0 ? 1 : -1;
      // Mostly one way, sometimes back, sometimes too far (rejected): the walks reach the bounds.
      const delta = () => (next() < 0.85 ? direction : -direction) * Math.floor(next() * 7);
      let state = conversationDecider.initialState();
      for (let step = 0; step < 120; step++) {
        const ids = { messageId: `m${step}`, replyId: `r${step}` };
        const commands: ConversationCommand[] =
          step === 0 || next() < 0.4
            ? [
                { type: "SendMessage", ...address, ...ids, clientMessageId: `c${step}`, text: "hi" },
                { type: "StartReply", ...address, ...ids },
                {
                  type: "CompleteReply",
                  ...address,
                  ...ids,
                  text: "hey",
                  model: "m",
                  usage: { promptTokens: 1, completionTokens: 1 },
                },
              ]
            : [{ type: "ChangeAffinity", ...address, delta: delta(), reason: "turn" }];
        for (const command of commands) {
          let events: ConversationEvent[] = [];
          try {
            events = conversationDecider.decide(command, state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          for (const event of events) {
            state = conversationDecider.evolve(state, event);
            if (event.type === "AffinityChanged") {
              expect(Math.abs(event.data.delta)).toBeLessThanOrEqual(AFFINITY_TURN_LIMIT);
              expect(event.data.value).toBe(state.affinity);
            }
          }
        }
        expect(state.affinity).toBeGreaterThanOrEqual(AFFINITY_MIN);
        expect(state.affinity).toBeLessThanOrEqual(AFFINITY_MAX);
        expect(Math.abs(state.affinityThisTurn)).toBeLessThanOrEqual(AFFINITY_TURN_LIMIT);
        if (Math.abs(state.affinity) === AFFINITY_MAX) reachedBound++;
      }
    }
    // The walks must actually press against the bounds for the property to mean something.
    expect(reachedBound).toBeGreaterThan(0);
  });

  it("for any starting point and request", () => {
    const next = random(7);
    for (let i = 0; i < 5000; i++) {
      const affinity = Math.round((next() - 0.5) * 200);
      const moved = Math.round((next() - 0.5) * 2 * AFFINITY_TURN_LIMIT);
      const requested = Math.round((next() - 0.5) * 2 * AFFINITY_TURN_LIMIT);
      const { delta, value } = applyAffinityDelta(affinity, moved, requested);
      expect(value).toBeGreaterThanOrEqual(AFFINITY_MIN);
      expect(value).toBeLessThanOrEqual(AFFINITY_MAX);
      expect(Math.abs(moved + delta)).toBeLessThanOrEqual(AFFINITY_TURN_LIMIT);
      expect(Math.sign(delta) === 0 || Math.sign(delta) === Math.sign(requested)).toBe(true);
    }
  });
});
