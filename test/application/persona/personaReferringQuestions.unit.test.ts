import { describe, expect, it } from "vitest";
import { referredTurn } from "../../../src/application/persona/personaReferringQuestions.ts";
import type { ReplyContext } from "../../../src/application/prompt/replyContext.ts";
import { askAgent } from "./dialogues/askAgent.ts";

function turnAfter(turns: readonly [string, string][], personMessage: string) {
  const recentMessages = turns.flatMap(([person, agent]) => [
    { author: "person" as const, text: person, at: "2025-03-10T18:00:00Z" },
    { author: "agent" as const, text: agent, at: "2025-03-10T18:00:00Z" },
  ]);
  return referredTurn({ recentMessages, personMessage, agent: { interests: [] } } as unknown as ReplyContext);
}

describe("a turn that refers back is read as the question it stands for", () => {
  it("“what about you?” asks back the agent's own question, or what the person just told", () => {
    expect(
      turnAfter([["hey", "Hi! How's your morning going?"]], "what about you?").context.personMessage,
    ).toBe("How's your morning going?");
    const told = turnAfter(
      [
        ["I went hiking yesterday", "Oh nice."],
        ["it was amazing", "Love that."],
      ],
      "what about you?",
    );
    expect(told.context.personMessage).toBe("what did you do yesterday?");
    // The agent's question about what was told is not what is asked back.
    expect(
      turnAfter([["I went hiking yesterday", "Hiking! Where did you go?"]], "what about you?").context
        .personMessage,
    ).toBe("what did you do yesterday?");
    expect(turnAfter([["I live in Hamburg", "Hamburg!"]], "and you?").context.personMessage).toBe(
      "where do you live?",
    );
  });

  it("“what about music?” asks the last question of something else", () => {
    expect(
      turnAfter([["what's your favourite food?", "Grilled fish."]], "what about music?").context
        .personMessage,
    ).toBe("what's your favourite music?");
    expect(
      turnAfter([["any plans for tonight?", "Not really."]], "what about tomorrow?").context.personMessage,
    ).toBe("any plans for tomorrow?");
  });

  it("“why?” and “tell me more” ask the last question again for more", () => {
    const why = turnAfter([["do you like your job?", "Most days, yes."]], "why?");
    expect(why).toMatchObject({ wantsMore: true, context: { personMessage: "do you like your job?" } });
    expect(turnAfter([["what do you do for work?", "I mix sound."]], "tell me more").wantsMore).toBe(true);
    // An answer that ends on a question of the agent's is still what "why?" asks about.
    expect(
      turnAfter([["do you like your job?", "Most days, yes. How's your evening going?"]], "why?").wantsMore,
    ).toBe(true);
    // "Why?" to the agent's own question asks why it asked.
    expect(turnAfter([["hey", "Are you free tonight?"]], "why?").wantsMore).toBe(false);
  });

  it("answers them in the conversation", async () => {
    const replies = await askAgent([
      "hi",
      "what's your favourite food?",
      "what about music?",
      "do you like your job?",
      "why?",
      "I went hiking yesterday",
      "what about you?",
    ]);
    expect(replies[2]).not.toMatch(/no idea|not sure|don't know/i);
    expect(replies[4]).toMatch(/best part|hardest|love|because|memories|fits who I am/i);
    expect(replies[4]).not.toBe(replies[3]);
    const [, yesterday] = await askAgent(["hi", "what did you do yesterday?"]);
    expect(yesterday).toMatch(/in the evening/);
    // Asked back, not introduced again.
    expect(replies[6]).not.toMatch(/^I'm Mira|Nice to meet/);
  });
});

describe("“yours” is the agent's own of what the person just named", () => {
  it("reads “how was yours?” and “what's yours?” as about that thing", () => {
    expect(turnAfter([], "I had a long day. how was yours?").context.personMessage).toBe(
      "I had a long day. how was your day?",
    );
    expect(
      turnAfter([["my favourite food is sushi", "Nice pick."]], "what's yours?").context.personMessage,
    ).toBe("what's your favourite food?");
  });
});
