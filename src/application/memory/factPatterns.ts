import {
  businessPattern,
  demonymPattern,
  kinNamePattern,
  months,
  occupationPattern,
  petPattern,
  relationPattern,
  weekdays,
} from "./factLexicon.ts";

/**
 * The shapes in which people tell things about themselves, one list per kind of fact. They are
 * read in the order `classifyClause` gives; each one alone says "this could be a fact of that kind".
 */
const re = (source: string) => new RegExp(source, "i");

const ADVERBS =
  "(?:(?:really|just|also|still|actually|absolutely|totally|truly|honestly|so|kind of|kinda|sort of|pretty much|genuinely|definitely|literally|secretly|mostly|quite|do|now|already|recently|finally|originally) )*";
const I_AM = "(?:I'm|I am)";
const I_HAVE = "(?:I have|I've got|I have got|I've|I got|I own|we have|we've got|we've|we got|we own)";
const SUBJECT_I = `(?:^|\\b)(?:I|we)\\s+${ADVERBS}`;

// "If I had a dog I'd call it Max" imagines; "I get migraines if I don't sleep" states a fact.
export const HYPOTHETICAL =
  /\b(?:if|when) I (?:had|were|was|could|won|lived|got|became|didn't|did|went)\b|\bI wish\b|\bimagine\b|\b(?:I'd|I would|I could|I might)\b(?!\s+(?:really\s+)?(?:love|like) to\b)/i;
export const TAUTOLOGY_SHAPES =
  /^I(?:'m| am) (?:who I am|me|myself|just me|here|back|home|fine|okay|ok|good|great|alright)$/i;

// Case matters here: "call me Sammy" gives a name, "call me later" does not.
export const NAME =
  /^(?:[Mm]y name(?:'s| is)|I'm called|I am called|I go by|(?:[Ee]veryone|[Pp]eople|[Mm]y friends|[Ff]riends) calls? me|(?:(?:[Pp]lease|[Yy]ou can|[Jj]ust) )*[Cc]all me) +[A-Z]/;
export const PLAN = [
  re(
    `\\b(?:${I_AM}|we're|we are)\\s+${ADVERBS}(?:planning|hoping|saving (?:up )?for|training for|preparing for|thinking (?:of|about)|considering|looking forward to|about to (?:move|start|begin|get|have|become|go))\\b`,
  ),
  re(
    `${SUBJECT_I}(?:plan|hope|want|intend|aim|wanna|dream of|dream about|would love|'d love|'d like|would like)(?:s)? (?:to )?(?!(?:sleep|eat|die|cry|scream|talk|chat|hear|know|see|go (?:home|to bed|to sleep)|be (?:honest|alone|left alone)|say|ask|tell|thank|hug)\\b)\\w+`,
  ),
];
export const PLAN_WITH_TIME = [
  re(
    `\\b(?:${I_AM}|we're|we are|and I are|and I will|I'll|I will|we'll|we will|I'm gonna|I'm going to|we're going to)\\s+${ADVERBS}(?:\\w+ing|going to|gonna|be|have|start|move|visit|fly|go|get|take|see|run)\\b`,
  ),
  re(
    `\\b(?:I have|I've got|I got|there's|we have) (?:a|an|my|our) (?:[\\w'’-]+ )?(?:interview|exam|test|appointment|surgery|operation|hearing|check-?up|scan|flight|train|ferry|coach|wedding|date|presentation|concert|recital|match|game|trip|holiday|vacation|party|meeting|audition|race|marathon|deadline)\\b`,
  ),
  re(
    `\\b(?:my|our) (?:[\\w'’-]+ )?(?:interview|exam|exams|test|appointment|surgery|operation|flight|train|ferry|coach|wedding|trip|holiday|vacation|move|party|audition|race|marathon|due date|graduation)\\b`,
  ),
  re(`\\b(?:I|we) (?:start|begin|leave|fly|move|graduate|retire)\\b`),
];
/** "at 3", "at 11:30", "at 3pm", "at noon": a time of day, told of something still to come. */
export const CLOCK_TIME =
  /\b(?:at|@) (?:\d{1,2}(?:[:.]\d{2})?(?: ?[ap]\.?m\.?)?|noon|midday|half (?:past )?\w+|quarter (?:past|to) \w+)(?!\w)|\b\d{1,2}(?:[:.]\d{2})? ?[ap]\.?m\b/i;
/** Whom people go and see at a time: "dentist at 3" means an appointment with one. */
export const SEEN_AT_A_TIME =
  "dentist|doctor|gp|physio|physiotherapist|vet|optician|hairdresser|barber|therapist|counsellor|counselor|chiropractor|orthodontist|dermatologist|osteopath|podiatrist";
/** A journey that leaves at a time: "flight at 6am", "train to Leeds at 7:40". */
export const TRAVEL_AT_A_TIME = "flight|train|bus|coach|ferry|plane|check-?in|boarding";
/** Something a person is put to the test at, at a time: how it goes is up to them. */
export const TRIALS_AT_A_TIME = "interview|exam|test|audition|viva|assessment|trial|presentation";
/** Something done to or for a person at a time: how it goes is in others' hands. */
export const APPOINTMENTS_AT_A_TIME =
  "appointment|hearing|surgery|operation|check-?up|scan|consultation|procedure|meeting";
/** "dentist appointment at 3", "got a job interview at 3pm", "physio at 11": told bare. */
export const APPOINTMENT_TOLD_BARE = new RegExp(
  `^(?:(?:so|oh|well|ugh|btw|also|and)[, ]+)?(?:(?:I(?:'ve| have)? )?(?:(?:just|also|finally|now) )?(?:got|have) )?(?:(?:a|an|my|the) )?(?:[\\w'’-]+ ){0,2}(?:interview|exam|test|appointment|audition|hearing|surgery|operation|check-?up|scan|consultation|meeting|viva|assessment|${SEEN_AT_A_TIME}|${TRAVEL_AT_A_TIME})(?:['’]s| is)? (?:(?:to|from|for) (?:[\\w'’-]+ ){1,2}?)?(?:(?:leaves|departs|boards|closes|opens) )?(?:at|@|this|tomorrow|tonight|later|on|next)\\b`,
  "i",
);
export const NOT_A_PLAN =
  /\b(?:going to|gonna|gotta|have to|need to) (?:bed|sleep|go to (?:bed|sleep)|nap|shower|eat|cook dinner|make dinner|get some sleep|head off|go now|be right back)\b|\b(?:I'm|I am) (?:\w+ )?(?:feeling|being)\b/i;

export const DATE = [
  re(
    `\\b(?:my|our|I|\\w+'s) (?:\\w+ )?(?:birthday|bday|b-day|anniversary|name day)\\b|\\b(?:birthday|anniversary) (?:is|'s)\\b`,
  ),
  re(`\\bI was born (?:on\\b|in (?:the )?(?:\\d{4}|\\d{1,2}(?:st|nd|rd|th)?|${months})\\b)`),
  re(
    `\\b(?:${I_AM} |I )turn(?:ing|s)? (?:\\d+|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|eighteen|sixteen|twenty-one)\\b`,
  ),
];
export const PLACE = [
  re(
    `${SUBJECT_I}(?:live|lived|grew up|was raised|were raised|was brought up|was born|relocated|emigrated|immigrated|come from|came from)\\b(?! (?:with you|on my own|alone)\\b)`,
  ),
  // "We moved to Leeds", not "we moved the sofa".
  re(
    `${SUBJECT_I}moved (?:\\w+ )?(?:to|from|here|there|back|abroad|away|out|in with|house|city|country|cities|countries)\\b`,
  ),
  re(`\\b(?:I've|I have|we've|we have)\\s+${ADVERBS}(?:lived|been living)\\b`),
  re(
    `\\b(?:${I_AM}|we're|we are)\\s+${ADVERBS}(?:from|based in|based out of|living in|originally from|settled in)\\b`,
  ),
  re(
    `\\b(?:my|our) (?:hometown|home town|home country|home city|home is|house is in|flat is in|apartment is in)\\b|^home (?:for me )?is\\b`,
  ),
  re(`\\b${I_AM} (?:half[- ])?(?:${demonymPattern})\\b`),
  re(
    `\\bI spent (?:my|most of my) (?:childhood|teens|teenage years|twenties|youth|early years|whole life)\\b`,
  ),
  /\b(?:I'm|I am) an? (?:proud |true |born and bred |real )?[A-Z][a-z]+(?:er|ian|ite|ese)\b/,
];
export const WORK = [
  re(
    `${SUBJECT_I}(?:work|worked|have worked|'ve worked|'ve been working|am working|'m working)\\s+(?:as|at|for|in|with|from home|nights|days|shifts|part[- ]time|full[- ]time|remotely|freelance|two jobs)\\b`,
  ),
  re(
    `\\b(?:${I_AM}|I've been|I have been|I was|I became|I'm training to be|I qualified as)\\s+(?:a|an)\\s+(?:[\\w-]+\\s+){0,3}?(?:${occupationPattern})s?\\b`,
  ),
  re(
    `${SUBJECT_I}(?:teach|lecture|tutor|coach|nurse|manage|run|own|co-own|founded|started) (?:a|an|my|our|the|at|\\w+ at)\\b.*\\b(?:${businessPattern}|school|college|university|team|department|class|classes|kids|children|students)\\b`,
  ),
  re(`${SUBJECT_I}teach(?:es)? \\w+`),
  re(
    `\\b(?:${I_AM}|I)\\s+${ADVERBS}(?:study|studying|studied|majoring|major|doing (?:a|my) (?:degree|phd|masters|master's|ba|bsc|ma|msc|mba|course|apprenticeship|residency|training)|in my (?:first|second|third|fourth|final|last) year)\\b`,
  ),
  re(
    `\\b${I_AM}\\s+${ADVERBS}(?:retired|unemployed|self-employed|between jobs|out of work|a stay[- ]at[- ]home|on (?:maternity|paternity) leave|freelancing|a freelance)\\b`,
  ),
  re(
    `\\b(?:started|got|landed|quit|left|lost|changed|hate|love) (?:a |my )?(?:new )?(?:job|career)\\b|\\bgot promoted\\b|\\bmy (?:job|work|career|boss|office|company|shift|shifts|employer|colleagues?|coworkers?|manager)\\b`,
  ),
  re(
    `\\bI do (?:[\\w-]+ ){1,4}for (?:a living|work|an? (?:[\\w-]+ ){0,3}(?:company|firm|agency|bank|hospital|school|council|charity|startup|business|insurer|retailer))\\b`,
  ),
];
export const HEALTH_SUBJECT = /\b(?:I|I'm|I've|my|we|we're)\b/;
export const KIN_SUBJECT = re(`^(?:${kinNamePattern})\\b`);
export const RELATION_SUBJECT = re(
  `^(?:(?:\\w+ ){0,2}(?:my|our) (?:(?:little|big|older|younger|elder|oldest|youngest|best|twin|baby|step|late|eldest|new|ex|\\w+-year-old) )*(?:${relationPattern})\\b|[A-Z][\\w-]+ (?:is|was) my (?:\\w+ )?(?:${relationPattern})\\b)`,
);
export const PERSON = [
  re(
    `\\b(?:my|our) (?:(?:little|big|older|younger|elder|oldest|youngest|best|twin|baby|step|late|eldest|new|ex|two|three|four|\\w+-year-old) )*(?:${relationPattern})\\b`,
  ),
  re(`\\b(?:[A-Z][\\w-]+) (?:is|was) my (?:\\w+ )?(?:${relationPattern})\\b`),
  re(
    `\\b${I_HAVE}\\s+${ADVERBS}(?:a|an|one|two|three|four|five|six|\\d+|no|twin|little|big|older|younger)\\s+(?:\\w+ )?(?:${relationPattern})\\b`,
  ),
  re(
    `\\b${I_AM}\\s+${ADVERBS}(?:married|engaged|single|divorced|widowed|separated|seeing someone|dating|in a relationship|an only child|the (?:oldest|youngest|eldest|middle) (?:child|of|sibling|kid)|a (?:single )?(?:mum|mom|dad|mother|father|parent|grandma|grandmother|grandfather|twin|stepmum|stepmom|stepdad))\\b`,
  ),
  KIN_SUBJECT,
];
export const PET = [
  re(`\\b(?:my|our) (?:\\w+ )?(?:${petPattern})\\b`),
  re(
    `\\b(?:${I_HAVE}|(?:I|we) ${ADVERBS}(?:adopted|rescued|got|bought|fostered|took in))\\s+${ADVERBS}(?:a|an|one|two|three|four|\\d+|no|any|some)?\\s*(?:[\\w-]+ ){0,2}(?:${petPattern})\\b`,
  ),
  re(`\\b(?:don't|do not|never) (?:have|had|own) (?:any )?(?:${petPattern})\\b`),
];
export const PREFERENCE = [
  re(
    `${SUBJECT_I}(?:love|loves|adore|like|enjoy|hate|dislike|detest|loathe|prefer|can't stand|cannot stand|don't like|do not like|don't enjoy|don't mind|can't get enough of|live for)\\s+(?!(?:it|that|this|them|those|these|him|her|when|how|what|everything|anything|nothing|so much|a lot|too)\\b)\\w+`,
  ),
  re(
    `\\b${I_AM}\\s+${ADVERBS}(?:really |so |totally |quite |very |a bit |super |massively )?(?:into|obsessed with|passionate about|addicted to|crazy about|mad about|a (?:big |huge |massive |real |total )?fan of|not (?:a |really a )?(?:big |huge )?fan of|an? (?:[\\w-]+ ){0,2}(?:lover|fan|addict|nerd|geek|enthusiast|buff|junkie|person)|a night owl|an early bird|a morning person)\\b`,
  ),
  re(
    `\\b(?:my|our) (?:all[- ]time )?favou?rite\\b|\\bis my (?:all[- ]time )?favou?rite\\b|\\b(?:is|are) (?:really |totally )?my (?:thing|jam|passion|hobby|obsession|happy place|guilty pleasure)\\b|\\b(?:my|our) (?:main |big |new )?(?:hobby|hobbies|passion) (?:is|are)\\b`,
  ),
  re(
    `\\b(?:I've|I have)\\s+${ADVERBS}(?:always |never )?(?:loved|liked|hated|enjoyed|adored|been into|been obsessed with)\\b`,
  ),
  re(
    `${SUBJECT_I}(?:play|collect|knit|paint|draw|sing|dance|surf|ski|climb|garden|bake|cook|sew|crochet|swim|hike|cycle|skate|meditate|practi[cs]e|do yoga|do pilates|go (?:running|swimming|climbing|bouldering|hiking|cycling|fishing|dancing|surfing|skiing|to the gym))\\b`,
  ),
];
export const OTHER = [
  // "I'm learning Japanese": something under way that lasts, worth remembering.
  re(
    `\\b${I_AM}\\s+${ADVERBS}(?:learning|taking (?:up|lessons in|classes in))\\s+(?!(?:to|that|how)\\b)\\w+`,
  ),
  re(
    `\\b${I_AM}\\s+${ADVERBS}(?:terrible|bad|good|great|hopeless|rubbish|awful|amazing|decent|useless) at \\w+`,
  ),
  re(`\\b(?:I've|I have) never\\b`),
  re(
    `${SUBJECT_I}(?:always|usually|normally|generally|never|often|rarely|seldom|sometimes|typically|tend to)\\b`,
  ),
  re(`\\b(?:I|we) (?:\\w+ ){1,4}every (?:single )?(?:morning|day|night|evening|week|weekend|${weekdays})\\b`),
  re(`\\bI (?:speak|drive|ride|wear|don't drive|can't swim|can speak)\\b`),
  re(`^${I_AM} (?:\\d{1,3}|[a-z]+ty(?:-[a-z]+)?|eighteen|nineteen|seventeen)(?: years? old)?$`),
  re(
    `\\b${I_AM}\\s+${ADVERBS}(?:left-handed|right-handed|colou?r-?blind|an introvert|an extrovert|introverted|extroverted|shy|a perfectionist|an? (?:aries|taurus|gemini|cancer|leo|virgo|libra|scorpio|sagittarius|capricorn|aquarius|pisces)|\\d+ ?(?:cm|ft|foot)|tall|short|short-sighted|a twin)\\b`,
  ),
  NAME,
];
