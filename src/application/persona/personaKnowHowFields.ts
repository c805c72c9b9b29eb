/**
 * What the offline companion knows how to do, field by field: practical, true, said plainly.
 * `topic` finds the field in a question; `ownedBy` finds it in an agent's job or interests, so
 * a bike mechanic answers a flat tyre as its trade and anyone else as a neighbour would.
 * A tip's `when` puts it first for a question that names it ("and if it's the valve?").
 */
export interface KnowHowTip {
  text: string;
  when?: RegExp;
}

export interface KnowHowField {
  name: string;
  topic: RegExp;
  ownedBy: RegExp;
  tips: readonly KnowHowTip[];
}

export const knowHowFields: readonly KnowHowField[] = [
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
