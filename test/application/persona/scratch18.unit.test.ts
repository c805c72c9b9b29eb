import { it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";
const atWork = "2025-03-10T14:00:00Z";
it("scratch", async () => {
  for (const msgs of [["hi", "my car broke down on the motorway, what should I do?"], ["my car just broke down… what should I do?"], ["hi","my van has broken down, what now"], ["hi","my car just broke down… what should I do?"], ["hi", "I locked myself out of my flat", "what do i do"], ["hi", "my phone fell in the toilet", "what now?"]]) {
    for (const seed of [1, 2, 3]) console.log(JSON.stringify(await askAgent(msgs, undefined, atWork, seed)));
  }
});
