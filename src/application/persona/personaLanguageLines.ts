/**
 * What the engine says in a language other than English, topic by topic. Each language's file
 * fills this shape; a line's {person}, {agent}, {city}, {time}, {feel}, {sky}, {meal}, {thing} and {said}
 * are filled in when it is spoken.
 */
export interface LanguageLines {
  /** Short words of the language that English seldom uses, for telling it apart. */
  stopWords: readonly string[];
  /** What a message on each everyday topic looks like in the language. */
  asks: {
    greeting: RegExp;
    farewell: RegExp;
    thanks: RegExp;
    howAreYou: RegExp;
    meal: RegExp;
    weather: RegExp;
    time: RegExp;
    work: RegExp;
    doing: RegExp;
    /** A request for tips, advice or a recommendation. */
    advice: RegExp;
    /** The person is starting something new. */
    beginner: RegExp;
    /** The person says their name ({thing}). */
    ownName: RegExp;
    /** The agent's age asked. */
    age: RegExp;
    /** Someone of the person's is getting married. */
    wedding: RegExp;
    sad: RegExp;
    tired: RegExp;
    happy: RegExp;
    /** A question about something the person said ("where do I work?"). */
    ownFact: RegExp;
    /** A statement about the person or theirs ("my dog is called Bruno"). */
    tellsFact: RegExp;
    /** A joke asked for. */
    joke: RegExp;
    /** "Are you an AI?", "are you real?". */
    whoAreYou: RegExp;
    /** Kind words about the agent ("you're funny"). */
    compliment: RegExp;
    /** A bare "ok", "yes", "no", "lol". */
    short: RegExp;
  };
  lines: {
    greeting: readonly string[];
    farewell: readonly string[];
    thanks: readonly string[];
    howAreYou: readonly string[];
    meal: readonly string[];
    weather: readonly string[];
    time: readonly string[];
    work: readonly string[];
    doing: readonly string[];
    advice: readonly string[];
    beginner: readonly string[];
    ownName: readonly string[];
    /** Its age ({age}) when its persona states one, and what it says when it states none. */
    age: readonly string[];
    ageUnsaid: readonly string[];
    wedding: readonly string[];
    sad: readonly string[];
    tired: readonly string[];
    happy: readonly string[];
    /** The person's own words given back ({said}). */
    recalled: readonly string[];
    /** Asked about something the person never said. */
    notTold: readonly string[];
    /** A fact told, acknowledged ({thing} the name in it, when there is one). */
    noted: readonly string[];
    notedNoName: readonly string[];
    /** A question with no line in the language: honest not-knowing. */
    notKnowing: readonly string[];
    /** Anything else said: a short interested reply. */
    listening: readonly string[];
    joke: readonly string[];
    /** Who it is ({agent} its first name, {city}), asked if it is an AI or real. */
    whoAreYou: readonly string[];
    compliment: readonly string[];
    short: readonly string[];
  };
  /** Favourites, recommendations, reasons and plans. */
  more: MoreLines;
  meals: readonly string[];
  /** Cold, cool, mild, warm, hot. */
  feels: readonly [string, string, string, string, string];
  /** The English sky words of the weather report, in the language. */
  skies: Readonly<Record<string, string>>;
  /** How a time of day is written ("17 h 45", "17:45"). */
  clock: (hour: number, minute: number) => string;
}

export const ENGLISH_SKIES = [
  "sunny",
  "clear",
  "partly sunny",
  "partly cloudy",
  "overcast",
  "foggy",
  "drizzly",
  "rainy",
  "showery",
  "stormy",
  "sleety",
  "snowy",
] as const;

export const twoDigits = (n: number) => String(n).padStart(2, "0");

const WORD_EDGE = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;
const unicodeForms = new WeakMap<RegExp, RegExp>();

/** A phrase pattern whose \b also holds at accented letters ("à demain", "mangé"). */
export function unicodeWords(phrase: RegExp): RegExp {
  let form = unicodeForms.get(phrase);
  if (!form) {
    const flags = phrase.flags.includes("u") ? phrase.flags : `${phrase.flags}u`;
    form = new RegExp(phrase.source.replace(/\\b/g, WORD_EDGE), flags.replace("g", ""));
    unicodeForms.set(phrase, form);
  }
  return form;
}

/** When a plan may be asked for. */
export type When = "tonight" | "tomorrow" | "weekend";

/**
 * The topics past the everyday ones, in a language: the agent's favourites, recommendations, why
 * it likes them, its pastimes and its plans. Lines fill {pick}, {when}, {pastime}, {pastimes} and {work}.
 */
export interface MoreLines {
  /** `pastimes`: what the agent likes to do in its free time. */
  asks: { favourite: RegExp; recommend: RegExp; why: RegExp; likes: RegExp; pastimes: RegExp };
  /** When a plan is asked for, and how the reply names that time. */
  when: Readonly<Record<When, RegExp>>;
  whenSaid: Readonly<Record<When, string>>;
  /** The English favourites as they are named in the language ("The Little Prince" → "Le Petit Prince"). */
  names: Readonly<Record<string, string>>;
  lines: {
    favourite: readonly string[];
    /** A favourite of a kind it has none in the language for: hard to pick one. */
    favouriteNone: readonly string[];
    recommend: readonly string[];
    why: readonly string[];
    /** Why it likes a thing it was asked about ("why do you like sailing?"). */
    whyLikes: readonly string[];
    /** Its pastimes, named in the language: {pastimes}. */
    pastimes: readonly string[];
    /** Asked what to unwind with: what unwinds the agent, {pastime}. */
    unwind: readonly string[];
    plans: readonly string[];
    plansOff: readonly string[];
    plansWork: readonly string[];
  };
}
