import { clock, type LifeEventTemplate, mood, template, wake } from "./lifeEventTemplateKit.ts";

/** Days without a job to go to: the retired, and people at home. */
export const retiredTemplates: readonly LifeEventTemplate[] = [
  template(
    "morning-walk",
    "routine",
    wake(0.5, 3),
    ["The usual morning walk", "I took my usual morning walk and said hello to half the neighbourhood."],
    mood("calm", 0.55),
    { rhythms: ["retired", "home"] },
  ),
  template(
    "crossword",
    "routine",
    clock(9, 12),
    ["The crossword", "I finished the crossword over a second cup of coffee, all but one clue."],
    mood("content", 0.5),
    { rhythms: ["retired"] },
  ),
  template(
    "old-friends-lunch",
    "event",
    clock(12, 15),
    [
      "Lunch with old friends",
      "I had lunch with a few old friends from my working days, and we told the same stories again.",
    ],
    mood("affectionate", 0.6),
    { rhythms: ["retired"], weight: 0.5 },
  ),
  template(
    "armchair-nap",
    "routine",
    clock(14, 16),
    ["An afternoon nap", "I dozed off in the armchair after lunch and woke up with the radio still on."],
    mood("calm", 0.45),
    { rhythms: ["retired"] },
  ),
  template(
    "unhurried-interest",
    "event",
    clock(10, 17),
    ["A long while on {interest}", "I spent a good long while on {interest}, with nowhere else to be."],
    mood("content", 0.6),
    { rhythms: ["retired", "home"] },
  ),
  template(
    "volunteering",
    "event",
    clock(10, 15),
    ["Volunteering", "I spent a few hours volunteering at the library and recommended far too many books."],
    mood("content", 0.55),
    { rhythms: ["retired"], weight: 0.5 },
  ),
  template(
    "home-project",
    "event",
    clock(10, 18),
    ["Fixed the wobbly shelf", "I finally fixed the wobbly shelf that had annoyed me for months."],
    mood("content", 0.5),
    { rhythms: ["retired", "home"] },
  ),
];
