import { occasionTemplates } from "./lifeEventOccasions.ts";
import {
  bed,
  clock,
  type LifeEventTemplate,
  mood,
  template,
  WORKING_RHYTHMS,
  wake,
  workEnd,
  workStart,
} from "./lifeEventTemplateKit.ts";

export type { LifeEventTemplate, TemplateWindow } from "./lifeEventTemplateKit.ts";

/** Everyday routines: meals, commutes, sleep. Occasions (work, leisure, seasons) live beside them. */
const routineTemplates: readonly LifeEventTemplate[] = [
  template(
    "morning-coffee",
    "routine",
    wake(0, 1.5),
    ["Morning coffee by the window", "I had my first coffee by the window while {city} woke up."],
    mood("calm", 0.5),
    { clock: [5, 11] },
  ),
  template(
    "slow-breakfast",
    "routine",
    wake(0.5, 3),
    ["Slow breakfast on a day off", "I had eggs and toast with no alarm and nowhere to be for once."],
    mood("content", 0.6),
    { clock: [7, 12], days: "off", rhythms: WORKING_RHYTHMS },
  ),
  template(
    "first-coffee-after-day-sleep",
    "routine",
    wake(0, 1.5),
    [
      "First coffee after sleeping through the day",
      "I slept through the day behind blackout curtains and had my first coffee while everyone else was winding down.",
    ],
    mood("calm", 0.45),
    { rhythms: ["nightShift"] },
  ),
  template(
    "commute-in",
    "routine",
    workStart(-1, 0),
    [
      "Commute to {workplace}",
      "I squeezed onto a busy train to {workplace}, headphones in, people-watching.",
    ],
    null,
    { rhythms: ["office", "student", "freelance"] },
  ),
  template(
    "early-commute",
    "routine",
    workStart(-1, 0),
    [
      "Cycling to work through an empty {city}",
      "I cycled to {workplace} before the streets filled up; it was just me and the delivery vans.",
    ],
    mood("calm", 0.5),
    { rhythms: ["earlyShift"] },
  ),
  template(
    "shift-commute",
    "routine",
    workStart(-1, 0),
    [
      "Heading in for the night shift",
      "I took the tram to {workplace} while the rest of {city} was heading home.",
    ],
    null,
    { rhythms: ["nightShift"] },
  ),
  template(
    "commute-delay",
    "event",
    workStart(-1, 0),
    [
      "Train delayed again",
      "I stood on the platform for twenty minutes with a crowd of equally grumpy people.",
    ],
    mood("irritated", 0.5),
    { rhythms: ["office", "student", "freelance"], weight: 0.5 },
  ),
  template(
    "commute-home",
    "routine",
    workEnd(0, 1),
    ["Home after work", "I finally got home from {workplace}, kicked my shoes off and put the kettle on."],
    mood("content", 0.5),
  ),
  template(
    "lunch-usual-place",
    "routine",
    clock(11.5, 14),
    [
      "Lunch at the usual place",
      "I grabbed lunch at the little place around the corner, same order as always.",
    ],
    null,
  ),
  template(
    "cooked-dinner",
    "routine",
    clock(18, 21.5),
    ["Cooked dinner", "I made a big pot of something warm and ate it on the sofa."],
    mood("content", 0.55),
  ),
  template(
    "dinner-before-shift",
    "routine",
    workStart(-3, -1.5),
    [
      "Early dinner before the shift",
      "I ate a proper dinner at the kitchen counter so I'd have something in me for the night.",
    ],
    null,
    { rhythms: ["nightShift"], clock: [17, 20] },
  ),
  template(
    "grocery-run",
    "routine",
    clock(16.5, 20),
    ["Quick grocery run", "I popped into the shop for three things and came out with eleven."],
    null,
  ),
  template(
    "chores",
    "routine",
    clock(10, 19),
    [
      "Laundry and errands",
      "I did the laundry, the groceries and the pile of post: all the boring grown-up things.",
    ],
    mood("tired", 0.4),
    { days: "off" },
  ),
  template(
    "wind-down",
    "routine",
    bed(-1, -0.25),
    ["Tea and a book before sleep", "I had a cup of tea and read a few pages of a book before lights out."],
    mood("calm", 0.55),
  ),
  template(
    "slept-badly",
    "event",
    wake(0, 1.5),
    ["Slept badly", "I kept waking up in the night, so today is running on coffee."],
    mood("tired", 0.6),
    { weight: 0.5 },
  ),
];

export const LIFE_EVENT_TEMPLATES: readonly LifeEventTemplate[] = [...routineTemplates, ...occasionTemplates];
