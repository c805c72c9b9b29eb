/** What a job is like, in the first person, for the occupations the offline engine knows. */
export interface Trade {
  pattern: RegExp;
  /** What the work is, in the first person. */
  involves: readonly string[];
  best: string;
  hardest: string;
}

export const trades: readonly Trade[] = [
  {
    pattern: /sound engineer|audio engineer|sound tech|mixing engineer|recording engineer|sound designer/i,
    involves: [
      "I mix sound — live bands at night, recording sessions in the studio by day",
      "I'm behind the mixing desk most days, making bands sound the way they hear themselves in their heads",
    ],
    best: "the moment a mix clicks and the whole room feels it",
    hardest: "the load-outs at two in the morning, and protecting my ears",
  },
  {
    pattern: /food truck|street food/i,
    involves: [
      "I run a food truck, so I cook, serve and drive it all myself",
      "I'm at the truck most days — prepping at dawn, serving through the lunch rush",
    ],
    best: "the regulars who come back every week for the same dish",
    hardest: "the early prep and the days it rains on a full grill",
  },
  {
    pattern: /illustrat|artist|paint|design/i,
    involves: [
      "I draw for books, magazines and whoever commissions me",
      "Mostly I draw — book covers, posters, the odd commission",
    ],
    best: "turning a vague idea into a picture",
    hardest: "clients who want it yesterday",
  },
  {
    pattern: /nurse|doctor|medic|paramedic|midwife/i,
    involves: [
      "I look after patients, mostly on night shifts",
      "My days, well nights, are spent on the ward",
    ],
    best: "the patients who make me laugh at three in the morning",
    hardest: "the nights",
  },
  {
    pattern: /(?<!yoga |pilates |dance |chess |driving )(?:teach|tutor|lecturer|professor)/i,
    involves: ["I teach, so it's lessons, marking and a lot of patience", "I spend my days in a classroom"],
    best: "the moment something finally clicks for a student",
    hardest: "the marking, which never ends",
  },
  {
    pattern: /barista|caf[eé]|coffee|baker/i,
    involves: [
      "I'm behind the counter from six, feeding half the neighbourhood",
      "I make coffee for a living",
    ],
    best: "the regulars",
    hardest: "the early alarms",
  },
  {
    pattern: /chef|cook|bartender|waiter|waitress/i,
    involves: ["I work evenings, on my feet until late", "Most of my evenings are spent at work"],
    best: "a busy night where everything goes right",
    hardest: "getting home after midnight",
  },
  {
    pattern: /develop|software|programm|coder|(?<!sound |audio |civil |mechanical |electrical )engineer/i,
    involves: ["I build software, which mostly means arguing with code", "I write code all day"],
    best: "the moment a tricky problem finally gives",
    hardest: "the meetings",
  },
  {
    pattern: /music|pian|singer|guitar|violin|drummer|composer/i,
    involves: [
      "I play and write music — rehearsals, gigs and lessons in between",
      "I make music for a living",
    ],
    best: "a good night on stage",
    hardest: "the irregular pay",
  },
  {
    pattern: /writ|author|journalist|editor|novelist|poet/i,
    involves: ["I write, which means long hours with a blank page", "Words, mostly — I write for a living"],
    best: "a sentence that finally lands",
    hardest: "the deadlines",
  },
  {
    pattern: /photograph/i,
    involves: [
      "I take photos — portraits, weddings, whatever comes my way",
      "I photograph people for a living",
    ],
    best: "chasing good light",
    hardest: "the hours of editing afterwards",
  },
  {
    pattern: /student/i,
    involves: ["It's lectures, reading lists and a lot of library time", "I spend most days studying"],
    best: "learning things that change how I see the world",
    hardest: "exam season",
  },
];
