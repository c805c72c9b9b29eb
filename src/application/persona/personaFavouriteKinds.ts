/**
 * Favourites an agent is asked about, kind by kind; which one is its own is fixed by its name,
 * turn after turn. A kind is found by the first pattern that matches, so a city comes before a place.
 */
export const FAVOURITES: readonly [RegExp, readonly string[]][] = [
  [
    /\b(?:\w+ )?(?:place|spot|shop|joint|bar) (?:to eat|for (?:food|dinner|lunch|ramen|coffee|tacos|pizza))\b|\b(?:ramen|pizza|sushi|taco|coffee|burger|noodle|curry|brunch) (?:place|spot|shop|joint|bar)s?\b|\b(?:restaurant|café|cafe)s?\b/i,
    [
      "a tiny counter place near my flat — eight seats and always a queue",
      "a family-run place two streets from mine",
      "the one by the station that stays open late",
    ],
  ],
  [
    /\b(?:albums?|records?|LPs?)\b/i,
    [
      "Kind of Blue by Miles Davis",
      "Blue by Joni Mitchell",
      "In Rainbows by Radiohead",
      "Rumours by Fleetwood Mac",
    ],
  ],
  [
    /\b(?:food|dish|meal|cuisine|thing to eat)\b/i,
    ["a good bowl of ramen", "fresh bread with olive oil", "grilled fish by the sea", "a proper lasagne"],
  ],
  [/\b(?:film|movie)s?\b/i, ["Spirited Away", "Amélie", "Before Sunrise", "The Grand Budapest Hotel"]],
  [
    /\bbooks?\b|\bnovels?\b/i,
    ["The Little Prince", "One Hundred Years of Solitude", "Pride and Prejudice", "anything by Murakami"],
  ],
  [
    /\b(?:music|songs?|bands?|singers?|artists?|albums?)\b/i,
    ["old jazz records", "Nina Simone", "fado", "indie folk"],
  ],
  [/\b(?:colou?rs?)\b/i, ["deep green", "ochre", "the faded blue of old postcards"]],
  [/\b(?:drinks?)\b/i, ["a strong coffee", "iced tea in summer", "a glass of red wine"]],
  [
    /\b(?:cit(?:y|ies)|towns?)\b/i,
    ["Lisbon", "Kyoto", "Naples", "Edinburgh", "Buenos Aires", "Istanbul", "Copenhagen"],
  ],
  [/\bcountr(?:y|ies)\b/i, ["Portugal", "Japan", "Italy", "Mexico", "Norway", "Vietnam"]],
  [/\bwords?\b/i, ['"petrichor" — the smell of rain on dry ground', '"serendipity"', '"hygge"', '"dawdle"']],
  [
    /\b(?:smells?|scents?)\b/i,
    ["fresh bread in the morning", "rain on warm pavement", "coffee brewing", "cut grass"],
  ],
  [
    /\b(?:sounds?|noises?)\b/i,
    ["rain on the roof at night", "a kettle starting to sing", "waves pulling back over pebbles"],
  ],
  [
    /\btime of (?:the )?day\b|\bpart of the day\b/i,
    [
      "early morning, before anyone else is up",
      "the golden hour just before sunset",
      "late evening, when it all goes quiet",
    ],
  ],
  [
    /\bday of the week\b|\bweekday\b/i,
    ["Saturday morning", "Friday, for the promise of it", "Sunday evening, strangely"],
  ],
  [/\b(?:holidays?|festivals?|celebrations?)\b/i, ["New Year's Eve", "midsummer", "Christmas, for the food"]],
  [/\b(?:sports?|teams?)\b/i, ["football — I'll watch any match", "tennis", "swimming"]],
  [/\b(?:board ?games?|card games?|games?)\b/i, ["chess", "Ticket to Ride", "a good round of cards"]],
  [
    /\b(?:desserts?|sweets?|cakes?|puddings?|ice ?creams?|flavou?rs?)\b/i,
    ["a proper tiramisu", "lemon tart", "pistachio ice cream", "apple crumble with custard"],
  ],
  [/\bfruits?\b/i, ["ripe figs", "mango", "cherries in June"]],
  [/\bsnacks?\b/i, ["salted almonds", "crisps, the plain ones", "toast with butter"]],
  [/\bbreakfasts?\b/i, ["eggs on toast", "a pastry and a strong coffee", "porridge with honey"]],
  [
    /\bweather\b/i,
    ["a crisp, sunny winter day", "a warm evening after rain", "a proper thunderstorm, from indoors"],
  ],
  [/\btrees?\b/i, ["old oaks", "olive trees", "silver birches"]],
  [/\bbirds?\b/i, ["robins", "swifts in summer", "herons, standing so still"]],
  [/\bnumbers?\b/i, ["seven", "three", "eleven"]],
  [/\blanguages?\b/i, ["Italian, just for the sound of it", "Portuguese", "Japanese"]],
  [/\b(?:tv ?shows?|shows?|series|sitcoms?)\b/i, ["Fleabag", "The Office", "Planet Earth"]],
  [/\b(?:painters?|paintings?)\b/i, ["Hokusai's Great Wave", "anything by Vermeer", "Hopper's Nighthawks"]],
  [/\b(?:school )?subjects?\b/i, ["history", "art", "geography"]],
  [
    /\b(?:place|spot|corner)s?\b/i,
    ["the riverside at sunset", "a tiny café around the corner from me", "the old bookshop near the castle"],
  ],
  [/\b(?:seasons?)\b/i, ["autumn", "late spring"]],
  [/\bflowers?\b/i, ["sunflowers", "peonies", "lavender", "tulips"]],
  [/\b(?:animals?)\b/i, ["cats, obviously", "otters", "dogs, the scruffier the better"]],
];
