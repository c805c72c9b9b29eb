import type { KnowHowField } from "./personaKnowHowField.ts";

/** Know-how of trades and daily chores: repairs, baking, code, first aid, focus. */
export const tradeFields: readonly KnowHowField[] = [
  {
    name: "bikes",
    topic:
      /\b(?:bikes?|bicycles?|cycling|flat (?:tyre|tire)|punctures?|inner tubes?|(?:bike )?chains?|derailleurs?|spokes?|valves?|brake pads?)\b/i,
    ownedBy: /\b(?:bike|bicycle|cycl\w*)\b/i,
    tips: [
      {
        text: "Get the wheel off, lever one side of the tyre off the rim and pull the tube out",
        when: /flat|punct|tube|tyre|tire/i,
      },
      {
        text: "Pump a little air in and listen for the hiss, or dunk it in water and watch for bubbles — then patch it or fit a new tube",
        when: /flat|punct|tube|tyre|tire|hole/i,
      },
      {
        text: "Run your fingers round the inside of the tyre before it goes back on: if the thorn is still in there, you'll be flat again by tomorrow",
        when: /flat|punct|tyre|tire/i,
      },
      {
        text: "If it's the valve, check the core is screwed in tight — a Presta valve has a little nut on top that has to be open to pump and closed after",
        when: /valve/i,
      },
      {
        text: "A valve that still leaks after tightening means a new tube; they're cheap and it's quicker than fighting it",
        when: /valve/i,
      },
      {
        text: "A chain that skips usually wants cleaning and a few drops of oil, wiped off after — too much oil just collects grit",
        when: /chain|skip|gear/i,
      },
      {
        text: "Squeaky brakes are mostly dirty rims or glazed pads: clean them with a bit of alcohol and rough the pads up with sandpaper",
        when: /brake|squeak/i,
      },
    ],
  },
  {
    name: "bread",
    topic:
      /\b(?:bread|sourdough|starter|dough|loaf|loaves|bak(?:e|ing)|croissants?|yeast|rise|flour|pastry|pastries)\b/i,
    ownedBy: /\b(?:bak\w*|pastry|patisserie|boulang\w*|sourdough|bread)\b/i,
    tips: [
      {
        text: "A starter is just flour and water: equal weights, in a jar, fed every day at the same time — after a week or so it doubles within a few hours of feeding",
        when: /starter|sourdough/i,
      },
      {
        text: "Keep the starter somewhere warm, around 24°C, and use wholemeal or rye for the first feeds — the wild yeasts like it",
        when: /starter|sourdough/i,
      },
      {
        text: "Bread that won't rise is usually tired yeast, a cold kitchen or salt poured straight onto the yeast",
        when: /rise|yeast|flat|dense/i,
      },
      {
        text: "Give the dough time, not more yeast: somewhere warm, covered, until it's nearly doubled — poke it, and if the dent springs back slowly, it's ready",
        when: /rise|dough|prove|proof/i,
      },
      {
        text: "Weigh everything, even the water; a kitchen scale does more for bread than any recipe",
        when: /bread|loaf|dough|bak/i,
      },
      {
        text: "Croissants are all about cold butter and patience — if the butter melts into the dough, you get brioche, not layers",
        when: /croissant|pastr/i,
      },
    ],
  },
  {
    name: "code",
    topic:
      /\b(?:code|coding|program\w*|python|javascript|typescript|rust|java|css|html|div|bugs?|debug\w*|crash\w*|software|computers?|apps?|websites?)\b/i,
    ownedBy: /\b(?:software|developer|programm\w*|coder|coding|computers?|web)\b/i,
    tips: [
      {
        text: "Centering a div these days: give the parent display: flex, then justify-content: center and align-items: center — done",
        when: /cent(?:er|re)|div|css/i,
      },
      {
        text: "Rust is a systems language that makes memory mistakes compile errors instead of crashes — the borrow checker hurts for a month, then you miss it everywhere else",
        when: /rust/i,
      },
      {
        text: "Python or JavaScript depends on the job: Python for data and scripts, JavaScript because it runs in every browser — learn one properly, the second comes fast",
        when: /python|javascript|js\b/i,
      },
      {
        text: "When code keeps crashing, read the whole error and the stack trace from the top, then cut the problem down until it fits on one screen",
        when: /crash|bug|error|debug|break/i,
      },
      {
        text: "Commit what works before you touch anything else, so you can always get back to it",
        when: /crash|bug|deadline|break/i,
      },
      {
        text: "Explain the bug out loud to someone, or to a rubber duck — half the time you hear the answer yourself",
        when: /bug|crash|debug|stuck/i,
      },
    ],
  },
  {
    name: "health",
    topic:
      /\b(?:headaches?|migraines?|colds?|flu|fever|sore throat|hangovers?|back pain|burns|nurs\w*|first aid)\b/i,
    ownedBy: /\b(?:nurs\w*|doctor|medic\w*|paramedic|physio\w*|health|hospital|pharmac\w*|care)\b/i,
    tips: [
      {
        text: "For a headache without pills: a big glass of water first, then something to eat, and half an hour away from screens in a dim room",
        when: /head|migraine/i,
      },
      {
        text: "A cool cloth on the forehead or the back of the neck helps, and so does a slow walk in fresh air",
        when: /head|migraine/i,
      },
      {
        text: "If it's sudden and the worst you've ever had, or comes with a stiff neck or fever, don't wait — get it looked at",
        when: /head|migraine|fever/i,
      },
      {
        text: "With a cold, rest, fluids and patience — it runs its course in about a week whatever you do",
        when: /cold|flu|throat/i,
      },
      { text: "For a small burn, cool running water for twenty minutes — no butter, no ice", when: /burn/i },
    ],
  },
  {
    name: "focus",
    topic: /\b(?:focus\w*|concentrat\w*|procrastinat\w*|productiv\w*|stay on task)\b/i,
    ownedBy: /$^/,
    tips: [
      {
        text: "Work in blocks of twenty-five minutes with five off, and put the phone in another room, not just face down",
        when: /focus|concentrat|work/i,
      },
      {
        text: "Write down the one thing that has to be done today before you open anything else",
        when: /focus|procrastinat|productiv/i,
      },
    ],
  },
];
