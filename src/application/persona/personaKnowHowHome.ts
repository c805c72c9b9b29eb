import type { KnowHowField } from "./personaKnowHowField.ts";

/** Know-how of the home and the board: woodwork, the kitchen, the garden, chess, a stiff back. */
export const homeFields: readonly KnowHowField[] = [
  {
    name: "woodwork",
    topic:
      /\b(?:wood(?:en|work\w*)?|oak|pine|walnut|beech|timber|planks?|squeak\w*|creak\w*|hinges?|doors?|drawers?|shel(?:f|ves)|tables?|chairs?|birdhouses?|sanding|varnish\w*)\b/i,
    ownedBy: /\b(?:carpent\w*|joiner\w*|woodwork\w*|cabinet\s?mak\w*|furniture)\b/i,
    tips: [
      {
        text: "A squeaky door is nearly always the hinges: tap the pins up, rub them with a bit of oil or even candle wax, and tap them back in",
        when: /squeak|creak|hinge|door/i,
      },
      {
        text: "If it still squeaks, tighten the hinge screws — a loose hinge rubs, and a longer screw into the frame fixes that for good",
        when: /squeak|creak|hinge|door/i,
      },
      {
        text: "For a table you'll use every day, oak or beech: hard, heavy and forgiving; walnut if you want it beautiful, pine if it's cheap and you like the dents",
        when: /table|wood|oak|pine|walnut|beech|timber/i,
      },
      {
        text: "Finish it with a hard-wax oil rather than varnish — it looks like wood, not plastic, and a scratch just gets a fresh wipe",
        when: /table|finish|varnish|oil|wood/i,
      },
      {
        text: "A sticking drawer wants a candle stub rubbed along the runners; if it's swollen, a few strokes of a plane",
        when: /drawer|stick/i,
      },
      {
        text: "A birdhouse is six boards of untreated wood, a hole of about 3 cm, and a roof that lifts off so you can clean it in autumn",
        when: /birdhouse|bird house/i,
      },
    ],
  },
  {
    name: "kitchen",
    topic:
      /\b(?:rice|jollof|chicken|onions?|cook(?:ing)?|recipes?|fry|frying|boil\w*|stews?|sauces?|spices?|spicy|pepper\w*)\b/i,
    ownedBy: /\b(?:chef|cook\w*|kitchen|food|restaurant|jollof|curry|stew)\b/i,
    tips: [
      {
        text: "Rinse the rice until the water runs clear, then one part rice to about one and a half of water, lid on, low heat for 15 minutes and 10 more off the heat without peeking",
        when: /rice/i,
      },
      {
        text: "With rice, onions and chicken you've got a proper one-pot: brown the chicken, soften lots of onion in the fat, stir in the rice, then stock or water and lid on",
        when: /rice|onion|chicken/i,
      },
      {
        text: "Salt the chicken early, and let the pan get properly hot before it goes in — then leave it alone until it lets go by itself",
        when: /chicken|fry/i,
      },
      {
        text: "Cook the onions longer than you think: slow and golden is where half the flavour comes from",
        when: /onion|flavou?r|stew|sauce/i,
      },
      {
        text: "For heat you can control, cook a whole scotch bonnet in the pot and fish it out when it's hot enough",
        when: /spic|pepper|heat|hot\b/i,
      },
    ],
  },
  {
    name: "garden",
    topic:
      /\b(?:tomato(?:es)?|garden\w*|plants?|seedlings?|pots?|soil|compost|water(?:ing)?|grow(?:ing)?|veg(?:etables?|gies)?)\b/i,
    ownedBy: /\b(?:garden\w*|tomato\w*|plants?|allotment|farm\w*|grow\w*|botan\w*)\b/i,
    tips: [
      {
        text: "Tomatoes split when they get a big drink after going dry, so water them evenly — a little every day, not a flood on Sunday",
        when: /split|crack|tomato/i,
      },
      {
        text: "A layer of mulch keeps the soil evenly damp, and picking them just as they colour saves the ones a rainy week would burst",
        when: /split|crack|tomato|rain/i,
      },
      {
        text: "Yellow leaves at the bottom are mostly too much water or too little food; water at the root, in the morning, and feed once a week",
        when: /yellow|leaves|feed|water/i,
      },
    ],
  },
  {
    name: "chess",
    topic: /\b(?:chess|openings?|e4|e5|d4|gambit|checkmate|castl\w*|pawns?|bishops?|knights?|rooks?)\b/i,
    ownedBy: /\bchess\b/i,
    tips: [
      {
        text: "Start with the Italian: 1.e4 e5 2.Nf3 Nc6 3.Bc4 — centre, knight out, bishop aiming at f7, then castle",
        when: /opening|begin|start|teach|learn/i,
      },
      {
        text: "Don't learn lines by heart; learn the ideas — control the centre, develop a piece every move, castle early, don't move the queen out on move three",
        when: /opening|begin|start|teach|learn/i,
      },
      {
        text: "If Black answers with e5, you're in the open games: Nf3 hits the pawn, and after Nc6 the Italian or the Ruy Lopez are both fine",
        when: /\be5\b|black/i,
      },
      {
        text: "To get better fast, do ten tactics puzzles a day and go through every game you lose — the loss is the lesson, the rating comes after",
        when: /better|improv|fast|quick|lose|losing|lost/i,
      },
      {
        text: "Play longer games, fifteen minutes or more; blitz teaches your hands, not your head",
        when: /better|improv|fast|quick|blitz/i,
      },
    ],
  },
  {
    name: "stiff back",
    topic: /\b(?:back(?:ache| pain)?|spine|posture|stretch\w*|yoga|espalda|r[üu]cken|dos)\b/i,
    ownedBy: /\b(?:yoga|pilates|physio\w*|stretch\w*|fitness|trainer)\b/i,
    tips: [
      {
        text: "For a sore back, gentle movement beats lying still: cat-cow on hands and knees, ten slow rounds, and child's pose for a minute after",
        when: /back|spine|espalda|r[üu]cken|dos\b|stretch|yoga/i,
      },
      {
        text: "Get up every half hour if you sit all day, and warmth helps — a hot shower or a hot-water bottle before you stretch",
        when: /back|posture|espalda|r[üu]cken|sit/i,
      },
      {
        text: "If the pain runs down a leg or comes with numbness, see a doctor rather than stretching through it",
        when: /back|espalda|r[üu]cken|pain/i,
      },
    ],
  },
];
