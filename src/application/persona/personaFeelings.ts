/** What a message carries beyond its words: good or bad news, a loss, health news, a laugh, a mishap. */
export const goodFeeling =
  /\b(?:great|amazing|happy|excited|awesome|wonderful|fantastic|good news|got the job|got a (?:new )?job(?! (?:interview|fair|test|assessment|trial))|new job(?! (?:interview|fair|test|assessment|trial))|got engaged|(?:just |finally )?proposed|said yes|got in|got accepted|got a promotion|promoted|passed|nailed it|proud|thrilled|finally finished|relieved|over the moon|getting married(?! (?:in|on|next|this|at|soon))|got married|engaged|having a (?:baby|girl|boy|little (?:girl|boy))|expecting a (?:baby|girl|boy)|we're expecting|bought a (?:house|flat|home|car)|graduated|graduating|got my degree|got my license|got my licence|(?<!(?:don't|do not|didn't|not|never) )feel(?:ing)? (?:so |much |a lot |a bit |a little )?better)\b/i;
/** "It's my birthday today": a day to wish them a happy one. */
export const birthdayToday =
  /\b(?:it's|it is|its|today is|today's) my (?:\d+\w* )?birthday\b|\bmy birthday (?:is )?today\b|\bi (?:just )?turned \d+\b|\bi'm \d+ today\b/i;
/** Someone treated the person badly: met by taking their side. */
export const mistreated =
  /\b(?:yelled|shouted|screamed|snapped) at me\b|\b(?:was|were|is|are|being|been) (?:so |really |very |super )?(?:rude|mean|nasty|horrible|awful) to me\b|\b(?:insulted|humiliated|embarrassed|ignored|bullied|mocked) me\b|\bmade fun of me\b|\btook (?:the )?credit for my\b|\bstole my (?:idea|work)\b|\bthrew me under the bus\b|\bbully(?:ing)? me\b|\b(?:made|makes|making) me (?:stay|work) (?:late|overtime|through (?:lunch|the weekend))\b|\bkept me (?:late|back) (?:at work|again|after)\b|\bblamed me for\b|\bstood me up\b/i;
/** A worry about something still to come ("nervous about my exam tomorrow"): met with encouragement. */
export const upcomingWorry =
  /\b(?:nervous|anxious|worried|scared|stressed|freaking out|panicking) (?:about|for|before) (?:(?:my|the|an?|tomorrow's|tonight's|next week's|this|big|first|final|driving) )*(?:[a-z]+ )?(?:exams?|tests?|interview|presentation|surgery|operation|appointment|date|flight|trip|meeting|speech|audition|match|game|race|results|day|wedding|performance|deadline|recital|concert|gig|competition|tomorrow|tonight)s?\b/i;
/** "I'm scared of spiders": a fear of a thing (not of something happening), and the thing. */
export function fearOf(text: string): string | null {
  // "Scared of flying" names the fear; "scared of losing you" is a worry about someone.
  const thing = /\b(?:scared|afraid|terrified|frightened) of ([\p{L}' ]{3,30}?)\s*[.!]*\s*$/iu.exec(
    text,
  )?.[1];
  return thing && !/^(?:\p{L}+ing\s+\p{L}|my|the future|it|that|this|you|him|her|them)\b/iu.test(thing)
    ? thing
    : null;
}
/** "I don't feel like talking": met with room, not with questions. */
export const wantsQuiet =
  /\b(?:don'?t|do not) (?:really )?(?:feel like|want to) (?:talk|chat)(?:ing)?\b|\bnot in the mood (?:to|for) (?:talk|chat)|\bleave me alone\b/i;
/** "You're annoying": said to the agent, met with a hurt "ouch", not a mishap's sympathy. */
export const insultToAgent =
  /\byou(?:'re| are) (?:so |really |very |being |such an? )?(?:annoying|boring|rude|mean|stupid|dumb|useless|weird|creepy|the worst|irritating|idiot)\b|\bi hate you\b|\bshut up\b/i;
/** A death, a grave illness, a loss: the saddest news there is. */
const relative =
  "(?:mum|mom|mother|dad|father|gran|grandma|grandmother|grandpa|grandfather|granny|grandad|nan|nana|brother|sister|son|daughter|wife|husband|partner|friend|aunt|uncle|cousin|baby|dog|cat|pet)";
/** Things that "die" without anyone dying: a flat battery is a mishap, not a loss. */
const thing =
  "(?:phone|battery|laptop|computer|pc|car|engine|plant|plants|tv|charger|headphones|earbuds|mic|printer|router|wifi|internet|screen|bulb|lightbulb|conversation|chat|vibe|mood|joke|server|game)";
/** "My dog Biscuit died", "a patient died": whoever died, named or not, after a "my", "a" or "the". */
const someoneDied = `\\b(?:my|our|a|the|his|her|their) (?!${thing}\\b)[\\p{L}'’]+(?: (?!${thing}\\b)[\\p{L}'’]+){0,2} (?:has |had |just |suddenly |finally )?died\\b`;
export const loss = new RegExp(
  `\\b(?:passed away|passed on|funeral|miscarriage|cancer|terminal(?:ly)? ill|put (?:him|her|them|(?:my|our) \\w+) (?:down|to sleep))\\b|\\b(?:${relative}|he|she|they) (?:has |just |suddenly )?died\\b|${someoneDied}|\\blost (?:my|our) (?:\\w+ )?${relative}\\b`,
  "iu",
);
/** "My wife is pregnant with our first": a baby on the way is glad news, not news about health. */
export const babyOnTheWay =
  /\b(?:i'm|i am|im|she's|she is|(?:wife|girlfriend|partner|sister|daughter|friend) is|we're|we are) (?:finally |now )?pregnant\b|\bhaving a (?:baby|girl|boy|little (?:girl|boy))\b|\bexpecting (?:a baby|a girl|a boy|our first|twins)\b/i;
export const healthNews =
  /\b(?:allerg\w*|diabet\w*|asthma|epilep\w*|pregnan\w*|therapy|therapist|medication|disabilit\w*|illness|surgery|operation|diagnos\w*|vegetarian|vegan|intoleran\w*|celiac|coeliac|ADHD|autis\w*|depress\w*|anxiety|cancer)\b/i;
export const laughter =
  /^\s*(?:ha(?:ha)+|he(?:he)+|lol+|lmao+|rofl|xd)\b|\b(?:haha+|hehe+|lol|lmao+)\b|😂|🤣/i;
export const badFeeling =
  /\b(?:sad|passed away|funeral|in (?:the )?hospital|diagnosed|divorce|fired|laid off|dumped|accident|crying|cried|grieving|tired|exhausted|stressed|awful|terrible|jealous|bad day|rough day|lonely|anxious|sick|ill|upset|(?<!turn(?:ed|ing|s)? (?:it|this|that|them|him|her) )down|depressed|worried|miss (?:her|him|them)|broke up|failed|lost my|nervous|scared|afraid|frustrated|overwhelmed|heartbroken|feel awful|miserable|divorced|getting divorced|splitting up|split up|separating|rejected|cheated on|didn't get (?:the|that|my|a|in|into|accepted|the part|the role|the place)|did not get (?:the|that|my|a|in|into)|wasn't accepted|got turned down|turned me down|lost (?:the|my) (?:job|house|flat|apartment|place)|redundant|evicted|bad news|sad news|devastated|gutted|crushed|meh|(?:this|that|it|life|work|everything) (?:really |so |totally )?sucks|sucks so much|frustrating|so unfair|(?:want|wanna|going) to cry|hate my life|(?:the )?worst day|nothing (?:goes|is going|went) right|(?:is|are) killing me|fed up|sick of (?:it|this|everything)|(?:got|was|were) stolen|stole my|robbed|(?:had|have|having|got into) (?:a|another|this|our|such a) (?:big |huge |bad |stupid |massive )?(?:fight|argument|row)|forgot (?:my|our) (?:birthday|anniversary)|(?:am|i'm|im|so|really) terrified|(?<!\w)ugh+|(?:feel(?:ing|s)?|i'm|im|i am|been) (?:so |really |pretty |very |kind of |kinda |a bit |a little |quite |super )?(?:low|empty|hopeless|worthless|numb)|panic attacks?|hate (?:my|this) (?:boss|job|work|manager|supervisor|co-?workers?|colleagues?|teacher|school|landlord|commute)|(?:nobody|no one|noone) (?:really )?(?:gets|understands|cares about|likes|listens to) me)\b/i;

/** "Not great", "not feeling so good": a good word said with a "not" is a low moment. */
export const notWell =
  /\bnot (?:so |that |too |very |really |feeling |doing )*(?:great|good|well|okay|ok|fine|the best|amazing)\b/i;

export const mishap =
  /\b(?:died|dead|late again|was late|broke|broken|jammed|a mess|raining|rained|lost|spilled|knocked|stuck|cancelled|canceled|annoying|noisy|flat tyre|flat tire|missed (?:the|my))\b/i;

/**
 * "I'm so tired lol", "work was kinda meh": a bad feeling said with a laugh or a shrug, met in the
 * same light tone — unless what is said is grave whatever the tone.
 */
export function saidLightly(text: string): boolean {
  return (
    (laughter.test(text) ||
      /\b(?:kinda|kind of|sorta|a bit|a little|lowkey|slightly|meh)\b|😅|🙃/iu.test(text)) &&
    !loss.test(text) &&
    !healthNews.test(text) &&
    !/\b(?:depress\w*|devastated|heartbroken|suicid\w*|lonely|alone|crying|cried|grieving|divorc\w*|fired|laid off|dumped|accident|diagnosed|hospital|broke up|hate myself|down|low|empty|hopeless|worthless|numb|panic|nobody|no one)\b/i.test(
      text,
    )
  );
}

/** What a bad feeling is met with: lightly when it was said lightly; what is `fresh` if any is. */
export function sympathyFor(text: string, name: string, fresh: (line: string) => boolean): readonly string[] {
  const lines = saidLightly(text)
    ? ["Oof, I feel that", "Ugh, one of those days", "Ha, same energy today, honestly"]
    : ["Oh no, I'm sorry", "That sounds really hard", `Oh, ${name}… I'm here`];
  const unsaid = lines.filter(fresh);
  if (unsaid.length > 0) return unsaid;
  // A low moment that goes on for several messages is met with words not yet said in it.
  const more = (
    /\b(?:don'?t|do not) know what to do\b/i.test(text)
      ? ["You don't have to figure it all out right now", "One step at a time — I'm with you"]
      : ["That's a lot to carry", "I'm listening — take your time", "That must be so worrying"]
  ).filter(fresh);
  return more.length > 0 ? more : lines;
}

/** "I miss him a lot", after a loss was told: what happened is known; who they were is not. */
export function askingAfterALoss(text: string): readonly string[] {
  const who = /\bmiss (him|her|them)\b/i.exec(text)?.[1]?.toLowerCase();
  const like =
    who === "him" || who === "her"
      ? `What was ${who === "him" ? "he" : "she"} like?`
      : "What were they like?";
  return [like, `Tell me about ${who ?? "them"}, if you want to`];
}

export function askingAfter(text: string): readonly string[] {
  return saidLightly(text)
    ? ["Be nice to yourself tonight", "Anything fun to look forward to?"]
    : ["Do you want to talk about it?", "What happened?"];
}

/** "I feel better now": relief after a bad stretch, not news to celebrate. */
export const feelsBetter = /\bfeel(?:ing)? (?:so |much |a lot |a bit |a little )?better\b/i;

/** "I'm so nervous", "really anxious": nerves said with nothing named that they are about. */
const bareNerves =
  /\b(?:nervous|anxious|scared|stressed|terrified|freaking out|panicking|dreading it)\b(?! (?:of|about|that|because|for|since)\b)/i;
/** "I have an interview at 11", "my exam is tomorrow morning": something still to come, and when. */
const comingUp =
  /\b(?:exams?|tests?|interview|presentation|surgery|operation|appointment|date|flight|meeting|speech|audition|match|game|race|results|wedding|performance|deadline|recital|concert|gig|competition|driving test|shift)\b.*\b(?:at \d|tomorrow|tonight|today|later|soon|this (?:morning|afternoon|evening|week)|next \w+|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|in (?:an|\d+) (?:hours?|minutes?|days?))|\b(?:tomorrow|tonight|today)(?:'s)? (?:\w+ )?(?:exams?|tests?|interview|presentation|surgery|operation|appointment|flight|meeting|speech|audition|match|game|race|wedding|performance|recital|concert|gig)\b/i;

/**
 * Nerves before something still to come: said with it ("nervous about my exam tomorrow"), or said
 * bare ("I'm so nervous") just after telling of it ("I have an interview at 11").
 */
export function nervesBeforeComingUp(
  message: string,
  recentMessages: readonly { author: string; text: string }[],
): boolean {
  if (upcomingWorry.test(message)) return true;
  if (!bareNerves.test(message)) return false;
  // "scan at 9 tomorrow, kinda nervous": the thing and the nerves in one message.
  if (comingUp.test(message)) return true;
  return recentMessages
    .filter((m) => m.author === "person")
    .slice(-3)
    .some((m) => comingUp.test(m.text));
}
