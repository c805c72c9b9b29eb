import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

const agentDoing = (occupation: string) => ({ ...soundEngineer, occupation });

describe("the offline engine on how-to questions about its own trade", () => {
  it("answers 'how do you…' and 'any tricks for…' from its trade's know-how", async () => {
    const cases: [string, string, RegExp][] = [
      ["potter", "how do you throw a vase", /clay|wheel|walls/i],
      ["ceramicist", "any tricks for glazing mugs?", /glaze/i],
      ["commercial pilot", "got any tricks for bumpy flights?", /bump|turbulence/i],
      ["airline captain and pilot", "how do you land in a crosswind?", /crosswind|rudder/i],
      ["beekeeper", "any tips on harvesting honey", /honey|frames/i],
    ];
    for (const [occupation, asked, tip] of cases) {
      const [reply] = await askAgent([asked], agentDoing(occupation));
      expect(reply, asked).toMatch(tip);
      expect(reply, asked).not.toMatch(/no expert|only know a little|don't know|look it up|my advice/i);
    }
  });

  it("keeps a trade's own words to that trade, and tips outside it modest", async () => {
    const [party] = await askAgent(["how do you throw a dinner party?"]);
    expect(party).not.toMatch(/clay|wheel/i);
    const [job] = await askAgent(["any tips for landing a new job?"], agentDoing("nurse"));
    expect(job).not.toMatch(/crosswind|rudder/i);
    const [calm] = await askAgent(["any tricks for turbulence?"], agentDoing("nurse"));
    expect(calm).toMatch(/^I(?:'m no expert| only know a little)/);
  });

  it("'what's the hardest part?' after such a question gives the hardest part of that trade", async () => {
    const [, hardest] = await askAgent(
      ["how do you center clay on a wheel?", "whats the hardest bit"],
      agentDoing("potter"),
    );
    expect(hardest).toMatch(/^The hardest part is /);
  });
});
