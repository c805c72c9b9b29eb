import type { KnowHowField } from "./personaKnowHowField.ts";

/** Know-how of crafts and trades done with the hands or at the controls: clay, flying, bees. */
export const craftFields: readonly KnowHowField[] = [
  {
    name: "pottery",
    topic: /\b(?:pott(?:ery|er)|clay|ceramics?|potter'?s wheel|glaz(?:e|es|ing)|kilns?)\b/i,
    ownersTopic: /\b(?:bowls?|mugs?|vases?|pots|wheel|throw(?:ing)?|firing|cent(?:er|re)(?:ing)?)\b/i,
    ownedBy: /\b(?:pott(?:er|ery)|ceramic\w*|clay)\b/i,
    tips: [
      {
        text: "Glaze thin and wipe the foot clean, or it'll weld itself to the kiln shelf",
        when: /\bglaz\w*\b/i,
      },
      {
        text: "Let it dry slowly, covered, so it doesn't crack, then bisque fire it before it ever sees a glaze",
        when: /\b(?:dry|drying|crack\w*|fir(?:e|ing)|kilns?|glaz\w*)\b/i,
      },
      {
        text: "Wedge the clay first, to push the air out — then centre it on the wheel with wet hands and your elbows braced on your knees, until it spins without a wobble",
        when: /\b(?:bowls?|mugs?|pots?|vases?|make|throw|wheel|cent(?:er|re)|clay|start)\b/i,
      },
      {
        text: "Then you press your thumbs down into the middle, keep a finger's width at the bottom, and pull the walls up slowly in three or four passes — the wheel slower each time",
        when: /\b(?:bowls?|mugs?|pots?|vases?|make|throw|walls?|pull)\b/i,
      },
    ],
  },
  {
    name: "flying",
    topic: /\b(?:turbulen\w*|fly(?:ing)?|flights?|planes?|airplanes?|aeroplanes?|jet ?lag|crosswinds?)\b/i,
    ownersTopic: /\b(?:take-?offs?|landings?|land|cockpit)\b/i,
    ownedBy: /\b(?:pilot|aviat\w*|flight attendant|cabin crew|steward\w*|air traffic)\b/i,
    tips: [
      {
        text: "Turbulence feels far worse than it is — the plane is built to take many times more than any bump you'll ever feel, and to us up front it's like a pothole on a road",
        when: /\bturbulen\w*|bump|scar|afraid|nervous|fear/i,
      },
      {
        text: "Sit over the wings, where it's smoothest, keep your belt on loosely and breathe out longer than you breathe in when it bumps",
        when: /\bturbulen\w*|bump|scar|afraid|nervous|fear|seat/i,
      },
      {
        text: "In a crosswind you fly the approach crabbed into the wind, then kick it straight with the rudder just before the wheels touch",
        when: /\bcrosswind|landing|land\b/i,
      },
      {
        text: "For jet lag, switch to the new time the moment you board: sleep when they sleep there, and get daylight the first morning",
        when: /\bjet ?lag|tired|sleep/i,
      },
    ],
  },
  {
    name: "bees",
    topic: /\b(?:bees?|hives?|honey|swarm\w*|beekeep\w*)\b/i,
    ownedBy: /\b(?:beekeep\w*|apiar\w*|bees?)\b/i,
    tips: [
      {
        text: "Leave them enough honey for the winter — take only what's spare, from the frames above the brood",
        when: /\b(?:honey|harvest\w*|winter)\b/i,
      },
      {
        text: "Move slowly, open the hive on a warm still afternoon when the foragers are out, and a few puffs of smoke at the entrance keep them calm",
        when: /\b(?:calm\w*|angry|sting\w*|open|hives?|bees?|start)\b/i,
      },
      {
        text: "Never swat — step back and let them settle; and if you're stung, scrape the sting out sideways with a fingernail rather than pinching it",
        when: /\b(?:sting\w*|swat|angry|calm\w*)\b/i,
      },
    ],
  },
];
