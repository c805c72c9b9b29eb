/**
 * What a beginner at a pastime most needs to hear, pastime by pastime: a way in that keeps them
 * coming back. `pattern` finds the pastime in the person's words (German and Spanish words too)
 * and, in the agent's job or interests, whether it is the agent's own.
 */
export interface BeginnerPastime {
  name: string;
  pattern: RegExp;
  tips: readonly string[];
}

export const BEGINNER_PASTIMES: readonly BeginnerPastime[] = [
  {
    name: "climbing",
    pattern: /\bclimb|boulder|klettern|escalada/i,
    tips: [
      "Climb with your legs, not your arms — straight arms, push up through your feet, and your forearms will last far longer",
      "Do lots of easy routes rather than a few hard ones, and rest properly between them; technique grows on the easy grades",
      "Shoes snug but not agony, and learn to fall and down-climb before you go high",
    ],
  },
  {
    name: "running",
    pattern: /\brun(?:ning|ner)?\b|\bjog|laufen|joggen|correr/i,
    tips: [
      "Go slower than feels right — slow enough to talk — and walk breaks are allowed, a run-walk plan gets most people there",
      "Three short runs a week beat one long one, and add only a little each week so your knees keep up",
      "Decent shoes fitted at a running shop are the one thing worth spending on",
    ],
  },
  {
    name: "pottery",
    pattern: /\bpotter(?:y)?\b|\bceramic|\bwheel\b|\bclay\b|töpfern/i,
    tips: [
      "Centring is everything: wet hands, elbows braced on your knees, and let the wheel do the work",
      "Make lots of small cylinders and cut them in half to see the walls — and don't get attached to the first fifty",
      "Keep the clay wet but not drowning, and stop before it collapses rather than after",
    ],
  },
  {
    name: "baking",
    pattern: /\bbak(?:e|ing|er)\b|\bbread\b|sourdough|\bbacken\b|\bbrot\b|hornear/i,
    tips: [
      "Weigh everything — scales, not cups — and follow the recipe to the letter the first few times",
      "Start with a simple loaf or a plain sponge, and bake the same one until it's reliable before trying another",
      "Know your oven: most run hot or cold, and a cheap oven thermometer tells you which",
    ],
  },
  {
    name: "swimming",
    pattern: /\bswim|schwimmen|nadar/i,
    tips: [
      "Breathe out slowly under water and only in above it — most beginners hold their breath and run out",
      "Short lengths with rests beat struggling through long ones, and a lesson or two on the stroke saves months",
    ],
  },
  {
    name: "guitar",
    pattern: /\bguitar|gitarre|guitarra|ukulele/i,
    tips: [
      "Ten minutes a day beats an hour on Sunday — your fingertips need the daily bit to toughen up",
      "Learn G, C, D and E minor and you can already play hundreds of songs; pick one you love and learn it badly first",
    ],
  },
  {
    name: "piano",
    pattern: /\bpiano|klavier|keyboard/i,
    tips: [
      "Little and often, hands separately first, and slow enough that you never make the mistake twice",
      "Pick a piece you actually want to play — the motivation carries you further than any method book",
    ],
  },
  {
    name: "painting",
    pattern: /\bpaint|watercolou?r|\bdraw|sketch|malen|zeichnen|pintar|dibujar/i,
    tips: [
      "Draw or paint a little every day, from life if you can — a cup, your hand, the view from the window",
      "Look more than you draw: most of it is seeing shapes and light, not the pencil",
      "And keep everything, so in a month you can see how far you've come",
    ],
  },
  {
    name: "yoga",
    pattern: /\byoga|pilates|stretch/i,
    tips: [
      "A beginners' class with a real teacher is worth it at first, so you learn the poses safely",
      "Never push into pain, and ten minutes at home most days beats a heroic class once a week",
    ],
  },
  {
    name: "chess",
    pattern: /\bchess|schach|ajedrez/i,
    tips: [
      "Before every move, check what your opponent's last move threatens — that alone wins most beginner games",
      "Get your knights and bishops out early, castle, and do a few puzzles a day rather than memorising openings",
    ],
  },
  {
    name: "cooking",
    pattern: /\bcook|kochen|cocinar/i,
    tips: [
      "Learn five dishes you love really well before branching out — you'll pick up the techniques on the way",
      "Sharp knife, everything chopped before the pan is hot, and taste as you go",
    ],
  },
  {
    name: "knitting",
    pattern: /\bknit|crochet|stricken|tejer/i,
    tips: [
      "Start with a scarf in chunky wool and big needles, so you see progress fast",
      "Tension comes with practice — loose and even beats tight, and the mistakes are part of the charm",
    ],
  },
  {
    name: "photography",
    pattern: /\bphotograph|fotografie|fotograf[ií]a/i,
    tips: [
      "Your phone is plenty to start with — learn to see light and frame before buying gear",
      "Take lots, then pick your three best each week and ask yourself why they work",
    ],
  },
  {
    name: "surfing",
    pattern: /\bsurf/i,
    tips: [
      "Start on a big soft board in small white water, with a lesson or two, and learn where to sit and who has priority",
      "Most of surfing is paddling, so the fitter your shoulders, the more waves you catch",
    ],
  },
  {
    name: "cycling",
    pattern: /\bcycl|\bbik(?:e|ing)\b|radfahren|ciclismo/i,
    tips: [
      "Get the saddle height right — leg nearly straight at the bottom of the pedal — and everything gets easier",
      "Short rides on quiet roads first, and learn to fix a puncture before you need to",
    ],
  },
  {
    name: "dancing",
    pattern: /\bdanc|tango|salsa|ballet|tanzen|bailar/i,
    tips: [
      "Go to a beginners' class and keep going — everyone there is as lost as you for the first month",
      "Listen to the music at home and count the beat; the steps sit on it once you can hear it",
    ],
  },
  {
    name: "gardening",
    pattern: /\bgarden|gärtnern|jardiner/i,
    tips: [
      "Start small: a few pots of herbs or salad you'll actually eat, in the sunniest spot you have",
      "Most beginner plants die of too much water, not too little — feel the soil first",
    ],
  },
  {
    name: "languages",
    pattern:
      /\blearning a language|\blanguages?\b|\b(?:spanish|french|german|italian|japanese|korean|portuguese|mandarin|arabic|dutch|swedish)\b/iu,
    tips: [
      "Fifteen minutes a day, every day, beats a long session once a week",
      "Speak from the start, badly — a tandem partner or a tutor online makes it stick far faster than an app alone",
    ],
  },
];

export const ANY_PASTIME_TIPS: readonly string[] = [
  "Go little and often — twenty minutes three times a week beats one long session you dread",
  "Find someone a few steps ahead of you to learn from, a class or a club, and let yourself be bad at it for a while — everyone was",
];
