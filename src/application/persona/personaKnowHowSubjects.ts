import type { KnowHowField } from "./personaKnowHowField.ts";

/** Know-how of subjects people love: the sea, music, art, wine. */
export const subjectFields: readonly KnowHowField[] = [
  {
    name: "the sea",
    topic:
      /\b(?:div(?:e|ing)|scuba|snorkel\w*|oceans?|the sea|sea life|marine|octopus(?:es)?|octopi|sharks?|whales?|dolphins?|corals?|reefs?|jellyfish|turtles?|fish(?:es)?)\b/i,
    ownedBy: /\b(?:marine|ocean\w*|div(?:e|er|ers|ing)|sea|fish\w*|sail\w*)\b/i,
    tips: [
      {
        text: "To learn to dive, do a proper open-water course — a few pool sessions, then four dives in open water with an instructor",
        when: /learn|start|dive|diving|scuba/i,
      },
      {
        text: "The one rule that matters under water: never hold your breath, breathe slowly and keep breathing",
        when: /dive|diving|scuba/i,
      },
      {
        text: "Octopuses are ridiculously clever — three hearts, blue blood, and they can open jars and squeeze through any gap bigger than their beak",
        when: /octop/i,
      },
      {
        text: "Most of an octopus's neurons are in its arms, so each arm more or less thinks for itself",
        when: /octop/i,
      },
      {
        text: "Sharks are far less dangerous than people think — you're likelier to be hurt by a falling coconut, and we kill millions of them every year",
        when: /shark/i,
      },
      {
        text: "Most sharks want nothing to do with people; bites are nearly always a mistake in murky water",
        when: /shark/i,
      },
      {
        text: "Coral reefs cover a tiny part of the sea floor but hold about a quarter of all marine species",
        when: /coral|reef/i,
      },
    ],
  },
  {
    name: "music",
    topic:
      /\b(?:jazz|blues|swing|bebop|vinyl|music|songs?|cello|violin|piano|guitar|saxophone|sax|trumpet|drums|orchestra|chords?)\b/i,
    ownedBy:
      /\b(?:jazz|music\w*|records?|vinyl|cello|violin|piano|guitar|sax\w*|trumpet|drum\w*|singer|band|dj|sound)\b/i,
    tips: [
      {
        text: "Jazz grew up in New Orleans around 1900 — blues, ragtime and brass bands all in one pot — and it's been changing ever since",
        when: /jazz/i,
      },
      {
        text: "If you want a way in, start with Kind of Blue by Miles Davis, then Coltrane's A Love Supreme, then follow whatever grabs you",
        when: /jazz|records?|vinyl|listen/i,
      },
      {
        text: "The magic of jazz is that it's made up on the spot — the tune is just the map, and every night they take a different road",
        when: /jazz/i,
      },
      {
        text: "The cello is the instrument closest to a human voice — it covers almost the whole range a person can sing",
        when: /cello/i,
      },
      {
        text: "With any instrument, twenty minutes every day beats two hours on a Sunday",
        when: /learn|practi|play|cello|violin|piano|guitar/i,
      },
      {
        text: "Clean a record with a soft brush before every play and store it upright, never stacked",
        when: /records?|vinyl/i,
      },
    ],
  },
  {
    name: "art",
    topic:
      /\b(?:draw(?:ing)?|paint(?:ing)?|sketch\w*|murals?|art|artists?|portraits?|watercolou?rs?|frida kahlo|kahlo|van gogh|picasso)\b/i,
    ownedBy: /\b(?:art\w*|paint\w*|draw\w*|illustrat\w*|murals?|design\w*|sketch\w*)\b/i,
    tips: [
      {
        text: "For hands, draw your own, over and over — start with the palm as a box and the fingers as little cylinders, then round them off",
        when: /hand/i,
      },
      {
        text: "Draw every day for ten minutes from real life, not photos; your eye learns faster than your hand",
        when: /draw|sketch|better|learn/i,
      },
      {
        text: "Squint at what you're painting: it shows you the big shapes of light and dark, and that's what makes a picture read",
        when: /paint|draw|better/i,
      },
      {
        text: "Frida Kahlo painted mostly herself — after a bus crash left her in pain for life, she painted from her bed with a mirror above it",
        when: /frida|kahlo/i,
      },
      {
        text: "Her self-portraits are honest about pain in a way nobody's were before — and the colours are pure Mexico",
        when: /frida|kahlo/i,
      },
      {
        text: "For a mural, sketch it small first, then grid the wall and copy square by square",
        when: /mural|wall/i,
      },
    ],
  },
  {
    name: "wine",
    topic: /\b(?:wines?|grapes?|vineyards?|red wine|white wine|champagne|beaujolais|bordeaux)\b/i,
    ownedBy: /\b(?:wine\w*|sommelier|vineyard|vintner)\b/i,
    tips: [
      {
        text: "Most wine is made to be drunk young — the idea that all of it gets better with age is a myth",
        when: /wine/i,
      },
      {
        text: "Drink what you like with what you eat: a light red like a Beaujolais goes with almost anything",
        when: /wine|pair|red/i,
      },
      {
        text: "Serve reds a touch cooler than the room and whites not straight from the fridge — too cold and you taste nothing",
        when: /wine|serve/i,
      },
    ],
  },
];
