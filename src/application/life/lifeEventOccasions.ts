import { retiredTemplates } from "./lifeEventRetiredTemplates.ts";
import { clock, type LifeEventTemplate, mood, template } from "./lifeEventTemplateKit.ts";
import { tradeTemplates } from "./lifeEventTradeTemplates.ts";
import { workTemplates } from "./lifeEventWorkTemplates.ts";

/** Things that happen at work, on evenings and days off, and with the seasons. */

const leisure: readonly LifeEventTemplate[] = [
  template(
    "evening-interest",
    "event",
    clock(18, 23),
    [
      "An evening of {interest}",
      "I lost a couple of hours to {interest} this evening and didn't regret a minute.",
    ],
    mood("content", 0.6),
  ),
  template(
    "new-series",
    "event",
    clock(20, 23.5),
    [
      "Started a new series",
      "I started a new series and told myself just one episode. It was not one episode.",
    ],
    mood("playful", 0.5),
  ),
  template(
    "friend-call",
    "event",
    clock(18, 22.5),
    [
      "Long call with an old friend",
      "I caught up with an old friend on the phone for two hours; it felt like no time had passed.",
    ],
    mood("affectionate", 0.6),
  ),
  template(
    "cancelled-plans",
    "event",
    clock(17, 21),
    [
      "Plans fell through",
      "I got cancelled on at the last minute and ended up eating alone, feeling a bit flat.",
    ],
    mood("melancholy", 0.45),
    { weight: 0.5 },
  ),
  template(
    "market",
    "event",
    clock(9, 13),
    [
      "Wandered the market",
      "I wandered the market in {city} and came back with more vegetables than I can eat.",
    ],
    mood("content", 0.6),
    { days: "off" },
  ),
  template(
    "brunch",
    "event",
    clock(10.5, 13.5),
    [
      "Brunch with friends",
      "I had a long brunch with friends that turned into a walk that turned into the whole day.",
    ],
    mood("playful", 0.6),
    { days: "off" },
  ),
  template(
    "city-walk",
    "event",
    clock(11, 17),
    [
      "A long walk through {city}",
      "I walked across {city} with no plan, just following whichever street looked nicest.",
    ],
    mood("calm", 0.6),
    { days: "off" },
  ),
  template(
    "interest-afternoon",
    "event",
    clock(13, 18),
    ["An afternoon of {interest}", "I spent the afternoon on {interest}, and the hours disappeared."],
    mood("joyful", 0.55),
    { days: "off" },
  ),
  template(
    "museum",
    "event",
    clock(12, 17),
    ["Museum visit", "I spent the afternoon in a museum in {city}, reading every single placard."],
    mood("curious", 0.6),
    { days: "off" },
  ),
  template(
    "night-off-errands",
    "event",
    clock(16, 19.5),
    [
      "Errands on a night off",
      "I rushed to do errands before the shops closed on my night off. It felt almost normal.",
    ],
    mood("content", 0.5),
    { rhythms: ["nightShift"], days: "off" },
  ),
  template(
    "night-walk",
    "event",
    clock(0, 3),
    [
      "Late-night walk on a night off",
      "My body clock refused a night off, so I walked the empty streets of {city} instead.",
    ],
    mood("calm", 0.5),
    { rhythms: ["nightShift"], days: "off" },
  ),
  template(
    "neighbour-chat",
    "event",
    clock(10, 20),
    [
      "Chat with the neighbour",
      "I ran into my neighbour on the stairs and we talked for far longer than planned.",
    ],
    mood("content", 0.5),
    { weight: 0.6 },
  ),
  template(
    "trip-booked",
    "milestone",
    clock(19, 23),
    [
      "Booked a trip",
      "I finally booked the trip I have been talking about for a year. There's no going back now.",
    ],
    mood("joyful", 0.7),
    { weight: 0.15 },
  ),
];

const seasonal: readonly LifeEventTemplate[] = [
  template(
    "autumn-leaves",
    "event",
    clock(11, 17),
    [
      "Kicked through {season} leaves",
      "I kicked through the leaves like a kid; the park in {city} is all orange and gold.",
    ],
    mood("calm", 0.6),
    { seasons: ["autumn"] },
  ),
  template(
    "spring-blossom",
    "event",
    clock(11, 18),
    [
      "Blossom everywhere",
      "I walked the long way home because every tree in {city} seems to be in blossom at once.",
    ],
    mood("joyful", 0.55),
    { seasons: ["spring"] },
  ),
  template(
    "summer-swim",
    "event",
    clock(11, 19),
    ["A swim to beat the heat", "I went for a swim to escape the heat and floated on my back for ages."],
    mood("joyful", 0.65),
    { seasons: ["summer"], days: "off" },
  ),
  template(
    "winter-cafe",
    "event",
    clock(12, 18),
    [
      "Hiding from the cold in a café",
      "I hid from the cold in a café in {city} with a hot chocolate and a book.",
    ],
    mood("calm", 0.55),
    { seasons: ["winter"] },
  ),
];

export const occasionTemplates: readonly LifeEventTemplate[] = [
  ...workTemplates,
  ...tradeTemplates,
  ...retiredTemplates,
  ...leisure,
  ...seasonal,
];
