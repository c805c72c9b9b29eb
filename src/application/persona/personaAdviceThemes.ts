/** Topics advice is asked on, each with concrete tips that name it; the first that matches gives them. */
export const adviceThemes: readonly [RegExp, readonly string[]][] = [
  [
    /\b(?:first[- ]time (?:dad|mum|mom|parent|father|mother)s?|new (?:dad|mum|mom|parent)s?|becoming (?:a )?(?:dad|mum|mom|parent|father|mother)|parenthood|fatherhood|motherhood|newborn)\b/i,
    [
      "sleep whenever the baby sleeps — the dishes can wait",
      "take the night feeds in turns, so one of you always gets some rest",
      "say yes to every offer of help, especially when it comes with food",
      "don't read every forum; ask one person you trust who has done it recently",
    ],
  ],
  [
    /\b(?:new school|kindergarten|nursery|daycare|day care|preschool|first day at school|school run)\b/i,
    [
      "keep the goodbye short and the same every day — a hug, one line, and go",
      "ask the teacher how long the tears last once you've gone; it's often only minutes",
      "give them one small thing from home to keep in a pocket",
      "at pick-up, ask about the best part of the day rather than whether it was okay",
    ],
  ],
  [
    /\bsettl\w* (?:in|down)\b|\bhomesick|\bnew (?:home|house|flat)\b/i,
    [
      "keep the goodbyes short and the same every time",
      "keep the days predictable for a few weeks — same times, same little routines",
      "give them one small thing that feels like home",
    ],
  ],
  [
    /\bsleep|insomnia|tired|rest\b/i,
    [
      "keep the same bedtime every night, even at weekends",
      "put the phone in another room an hour before bed, and keep the bedroom cool and dark",
      "if you can't drop off after twenty minutes, get up and read something dull until you're sleepy",
    ],
  ],
  [
    /\bspeak|speech|presentation|talk in front|public|stage fright|nerv/i,
    [
      "practise out loud, standing up, at least three times",
      "know your first two sentences by heart, so the start is automatic",
      "slow down and breathe out before you begin — the pause feels longer to you than to them",
    ],
  ],
  [
    /\bexam|stud|revis|test|learn/i,
    [
      "test yourself instead of rereading: flashcards and past papers",
      "work in short blocks with proper breaks",
      "sleep the night before beats cramming every time",
    ],
  ],
  [
    /\bcareer|promotion|profession|what to do with my life/i,
    [
      "notice which parts of your work make time fly, and look for more of those",
      "talk to people a few steps ahead of where you want to be — most are glad to help",
      "learn one new skill properly this year rather than five a little",
    ],
  ],
  [
    /\binterview|job hunt|cv|resume|job/i,
    [
      "prepare three stories about things you've done that you're proud of",
      "read up on them and bring two real questions of your own",
      "they already like you on paper — the interview is just a conversation",
    ],
  ],
  [
    /\bfirst date|\bdate\b|dating|crush|ask (?:him|her|them|someone) out/i,
    [
      "pick somewhere you can actually talk, and keep the first one short",
      "ask about the things they light up about, and listen for the follow-up question",
      "be on time and put the phone away — that already puts you ahead",
    ],
  ],
  [
    /\bmak\w* friends|new friends|friendships?|new (?:city|town|place)|lonel/i,
    [
      "join something that meets every week — a class, a club, a team — and keep turning up",
      "be the one who suggests the second coffee; most people are waiting to be asked",
      "say yes to invitations for a month, even the slightly dull ones",
    ],
  ],
  [
    /\bbreak ?up|ex\b|heart|relationship|partner/i,
    [
      "be gentle with yourself and let it hurt for a while",
      "lean on the people who love you, even when you'd rather hide",
      "keep one small routine going — a walk, a meal with someone — so the days have some shape",
    ],
  ],
  [
    /\bstress|anxi|worr|overwhelm|calm|panic/i,
    [
      "write everything down and pick just one thing to do next",
      "breathe slowly, longer out than in, for a couple of minutes",
      "get outside for a walk, even a short one",
    ],
  ],
  [
    /\bmoney|sav|budget|debt|spend/i,
    [
      "pay yourself first: move a little into savings the day you're paid",
      "write down every expense for a month and you'll see where it goes",
      "pick one goal so saving feels like it's for something",
    ],
  ],
  [
    /\bfit|run|gym|exercis|weight|health|eat/i,
    [
      "start smaller than feels worth it and do it consistently",
      "find something you actually enjoy, so you keep going",
      "rest days count as training too",
    ],
  ],
  [
    /\bmotivat|procrastinat|focus|productiv|lazy/i,
    [
      "start with five minutes — starting is the hard part",
      "make the first step tiny and obvious",
      "put the phone out of reach while you work",
    ],
  ],
  [
    /\bcook|recipe|bak/i,
    [
      "get a good knife and learn three dishes really well",
      "taste as you go and season a little at a time",
      "mise en place: everything chopped before the pan gets hot",
    ],
  ],
];
