import type { SeededRandom } from "./personaRandom.ts";

/**
 * Why a favourite is its favourite, for "what's your favourite colour and why?": a reason of the
 * kind asked about, said of the pick (one thing or many), as a clause that follows the pick.
 */
const REASONS: readonly [RegExp, (many: boolean) => readonly string[]][] = [
  [
    /colou?r/,
    () => [
      "because it's calm without ever being dull, and it makes a room feel like home",
      "because it reminds me of being outside on a good day",
    ],
  ],
  [
    /albums?|records?|music|songs?|bands?|singers?/,
    () => [
      "because I played it on repeat one whole summer, and it still takes me straight back",
      "because it's different every time I play it, depending on my mood",
    ],
  ],
  [
    /food|dish|meal|cuisine|breakfast|snack|dessert|fruit|drink/,
    () => [
      "because it's the thing I want most after a long day: warm, simple and honest",
      "because it reminds me of eating around a crowded table as a kid",
    ],
  ],
  [
    /flowers?|trees?|birds?|animals?/,
    (many) => [
      many
        ? "because they make me happy every time I see them, even on a grey day"
        : "because it makes me happy every time I see it, even on a grey day",
      "because my grandmother loved them, and they make me think of her",
    ],
  ],
  [
    /films?|movies?|books?|novels?|shows?|series/,
    () => [
      "because every time I go back to it, there's something I missed before",
      "because it makes me feel braver than I am",
    ],
  ],
];

const ANY: readonly string[] = [
  "because it's tied up with good memories for me",
  "because it never gets old, and every time feels a little different",
];

/** "… and why?", "why's that your favourite?": the message asks the reason along with the pick. */
export const asksTheReason = /\bwhy\b/i;

export function favouriteReason(asked: string, many: boolean, random: SeededRandom): string {
  const found = REASONS.find(([kind]) => kind.test(asked.toLowerCase()));
  return random.pick(found ? found[1](many) : ANY);
}
