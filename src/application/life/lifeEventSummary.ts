/**
 * A life event as one first-person sentence the agent can retell: "I sat through an hour-long
 * meeting." Templates are written that way; older events ("Sat through…") and texts from a model
 * or an operator ("She is visiting her parents.") are turned into it.
 */
const FIRST_PERSON = /^(?:I|I'm|I've|I'd|I'll|My|We|We're|We've)\b/;

const PAST_TENSE_START =
  /^(?:[A-Z][a-z]+ed|Ate|Began|Bought|Brought|Caught|Came|Did|Drank|Drove|Fell|Felt|Found|Forgot|Gave|Got|Went|Grabbed|Had|Heard|Hid|Kept|Knew|Left|Lost|Made|Met|Paid|Put|Ran|Read|Rode|Sang|Sat|Saw|Sent|Shared|Slept|Spent|Spoke|Stood|Swam|Took|Taught|Told|Thought|Threw|Woke|Won|Wore|Wrote)\b/;

const THIRD_PERSON = /^(?:She|He|They)\s+(\S+)/;

export function firstPersonSummary(event: { title: string; description: string }): string {
  const text = sentence(event.description || event.title);
  if (FIRST_PERSON.test(text)) return text;
  if (PAST_TENSE_START.test(text)) return `I ${lowerFirst(text)}`;
  const third = THIRD_PERSON.exec(text);
  if (third)
    return `I ${firstPersonVerb(third[1]!)}${text.slice(third[0].length)}`.replace(
      /\b(?:her|his|their)\b/g,
      "my",
    );
  return `My day: ${lowerFirst(text)}`;
}

function firstPersonVerb(verb: string): string {
  const irregular: Record<string, string> = {
    is: "am",
    "isn't": "am not",
    was: "was",
    has: "have",
    does: "do",
    "'s": "am",
  };
  if (irregular[verb]) return irregular[verb];
  if (/[^s]s$/.test(verb) && verb.length > 3)
    return verb
      .replace(/ies$/, "y")
      .replace(/(ch|sh|x|ss|o)es$/, "$1")
      .replace(/s$/, "");
  return verb;
}

function sentence(text: string): string {
  const trimmed = text.replace(/\s+/g, " ").trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Lowercases a sentence-case start ("Sat through") but leaves names ("Lisbon Marathon"). */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z']*(?:\s+[a-z]|$|[,:;])/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
