/** What a question asks of the agent: the slot its answer fills. */
export type QuestionKind =
  | "day"
  | "wellbeing"
  | "activity"
  | "location"
  | "presence"
  | "time"
  | "weather"
  | "work"
  | "memory"
  | "identity"
  | "name"
  | "preference"
  | "opinion"
  | "plans"
  | "general";

/** "What time is it for me?", "what time is it where I am?": the person's own clock, not a fact they told. */
export const asksTheirTime =
  /\bwhat time (?:is it|it is)\b[^?.!]*?\b(?:for me|where i (?:am|live)|in my (?:city|town|time ?zone))\b|\bwhat(?:'s| is) my (?:local )?time\b/i;

/** What a question asks about the agent, by its wording; the first rule that matches decides. */
export const questionRules: readonly [QuestionKind, RegExp][] = [
  [
    "identity",
    /\b(?:are you (?:an? )?(?:ai|a\.i\.|bot|robot|real|human|person|chat ?bot|program)|you'?re (?:an? )?(?:bot|ai))\b/i,
  ],
  ["memory", /\b(?:remember|recall|forgot|forget)\b|\bwhat(?:'s| is) my \w+(?:'s)? name\b/i],
  [
    "day",
    /\b(?:tell me about|how was|how's|how is) (?:your|ur) day\b|\bhow did (?:your|ur) day go\b|\bwhat did you do today\b|\bwhat did you (?:do|get up to) (?:yesterday|last night|(?:last|at the|on the|over the|this) weekend|on (?:saturday|sunday))\b/i,
  ],
  [
    "wellbeing",
    /\bhow (?:are|r) (?:you|u)\b|\b(?:are|r) (?:you|u) (?:ok|okay|alright|all right|happy|sad|good|well|lonely|tired|sleepy|exhausted|hungry|starving|bored|cold|stressed|feeling \w+)(?: (?:today|tonight|right now|now|at the moment|these days|with (?:your|ur) (?:life|job|work)))?\??$|\bhow(?:'s| is) (?:it going|your day|life|everything)\b|\bhow have you been\b|\bhow do you feel\b|\b(?:do|don't|dont) (?:you|u) (?:ever )?(?:get|feel) (?:lonely|bored|tired|cold)\b|\b(?:how|what)(?:'s| is) (?:your|ur) mood\b|\bin a good mood\b|\bwhat'?s up\b|\bqu[eé] tal\b|\bc(?:o|ó)mo est(?:a|á)s\b|(?:^|\s)(?:ç|c)a va\b|\bwie geht'?s\b|\bcome stai\b|\btudo bem\b/i,
  ],
  // "How was work today? busy?" asks how work went; "busy?" only says how it might have.
  [
    "work",
    /\bhow(?:'s| is| was) (?:work|the job|(?:your|ur) (?:shift|work))\b(?! (?:last|yesterday|on \w+day))/i,
  ],
  [
    "activity",
    /\bwhat (?:are|r) (?:you|u) (?:doing|up to)\b(?! (?:this weekend|at the weekend|on the weekend|tomorrow|tonight|later|next|on \w+day|for the holidays|over the holidays))|\bwhat(?:'re| are) you up to\b(?! (?:this weekend|tomorrow|tonight|later|next))|\bwyd\b|\bbusy\b(?! (?:tomorrow|tonight|later|this weekend|at the weekend|next \w+|on \w+day))/i,
  ],
  [
    "presence",
    /\b(?:are|r) (?:you|u) (?:still |even )?(?:awake|up(?! to\b)|there|around|free)\b|\byou (?:awake|up|there)\?/i,
  ],
  [
    "time",
    /\bwhat time (?:is it|it is)\b|\bwhat day is it\b|\bis it (?:late|early|night|nighttime|morning|evening|dark|light|daytime)(?: (?:yet|already|still|now))?(?: (?:there|over there|where you are|for you|in p{Lu}p{L}+))?\s*[?!.]*$|\bis it (?:late|early|night|morning|evening|dark) (?:there|where you are|for you)\b|\bwhat(?:'s| is) the time\b|\btime (?:is it )?(?:over )?(?:there|where you are|for you|in your (?:city|town|part of the world))\b|\bwhat time (?:is it )?(?:do you have|have you got)\b/i,
  ],
  ["weather", /\bweather\b|\bis it (?:raining|sunny|cold|hot|warm|snowing)\b/i],
  [
    "location",
    /\bwhere (?:are|r) (?:you|u)\b|\bwhere\b[^?.!]*\bdo you live\b|\bwhere(?:'re| are) you from\b/i,
  ],
  [
    "work",
    /\b(?:(?:do|are|r) )?(?:you|u) (?:work|working) (?:today|tomorrow|tonight|later|(?:this|next) (?:week|weekend)|(?:at|on|over) (?:the )?weekends?|weekends|(?:on )?\w+day)\b|\b(?:what time|when) do (?:you|u) (?:start|finish|get off|clock (?:in|off)|knock off)\b|\b(?:are|r) (?:you|u) off (?:today|tomorrow|tonight|(?:this|next) (?:week|weekend)|(?:at|on|over) (?:the )?weekend|(?:on )?\w+day)\b|\bdo (?:you|u) have work (?:today|tomorrow|tonight|(?:this|next) (?:week|weekend)|(?:at|on|over) the weekend|(?:on )?\w+day)\b|\bwhat do you do\b(?! for fun| in (?:your|ur) (?:free|spare) time| to (?:relax|unwind|de-?stress|chill)| on (?:the )?weekends?| (?:when|whenever|after|afterwards|if)\b)|\b(?:your|ur) (?:job|work)\b|\b(?:are|r) (?:you|u) working on\b|\bwork(?:ing)? (?:today|as)\b|\bhow(?:'s| is| was) (?:work|the job)\b|\b(?:like|love|enjoy|hate) (?:being an?|working as)\b|\b(?:day|days) at work\b|\btypical (?:work ?)?day\b/i,
  ],
  [
    "name",
    /\bwhat(?:'s| is) (?:your|ur) (?:(?:last|family|full) |sur)?name\b|\bwho are you\b|\byour surname\b/i,
  ],
  [
    "plans",
    /\b(?:plans?|doing|up to) (?:for )?(?:tonight|today|tomorrow|this weekend|at the weekend|on the weekend|later|next \w+|on \w+day|(?:for|over) the holidays)\b|\bany plans\b|\b(?:busy|free) (?:tomorrow|tonight|later|this weekend|next \w+|on \w+day)\b/i,
  ],
  [
    "preference",
    /\bdo you (?:like|love|enjoy|prefer)\b|\b(?:what|which) (?:kind of |sort of )?\w+ (?:do|would) you (?:like|love|listen to|read|watch|eat|recommend)\b|\bare you into\b|\bfavou?rite\b/i,
  ],
  ["opinion", /\bwhat do you think (?:of|about)\b|\bthoughts on\b|\byour opinion\b/i],
];
