import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("'why?' about what the agent itself last said", () => {
  it("gives the reason behind its pick, naming the pick", async () => {
    const replies = await askAgent(["recommend me an album", "why that one?"]);
    const pick = /my pick would be ([^.!?—]+)/.exec(replies[0] ?? "")?.[1];
    expect(pick).toBeTruthy();
    expect(replies[1]).toContain(`Because ${pick!.trim()} never lets me down`);
    expect(replies[1]).not.toMatch(/….*never lets me down/);
  });

  it("gives the reason behind its plan, naming what it plans", async () => {
    const replies = await askAgent(["what are you doing tonight?", "why?"]);
    const plan = /make time for ([^.!?—]+)/.exec(replies[0] ?? "")?.[1];
    expect(plan).toBeTruthy();
    expect(replies[1]).toMatch(new RegExp(`^Because ${plan!.trim()} is what clears my head`));
  });
});
