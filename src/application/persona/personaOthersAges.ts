import type { ReplyContext } from "../prompt/replyContext.ts";

const RELATION =
  "(?:brother|sister|mum|mom|mother|dad|father|son|daughter|grandpa|grandma|granddad|grandmother|grandfather|boyfriend|girlfriend|fianc[ée]e?|husband|wife|partner|friend|best friend|cousin|uncle|aunt|niece|nephew|boss|colleague|flatmate|roommate|neighbou?r|baby|kid|child|buddy|mate|pal|bestie|cat|dog|puppy|kitten)";
const KIND = "(?:(?:little|baby|big|younger|older|elder|twin|kid|best|old|new) )?";
const NAME = String.raw`\p{Lu}\p{Ll}[\p{L}'-]*`;
const asksAge = new RegExp(
  String.raw`\b[Hh]ow old (?:is|are) (he|she|they|[Mm]y ${RELATION}|\p{L}[\p{L}'-]*)\b`,
  "iu",
);
const mentioned = new RegExp(
  String.raw`\b[Mm]y ${KIND}(${RELATION})(?:,? (${NAME}))?|\b(${NAME}),? my ${KIND}(${RELATION})\b`,
  "gu",
);

/**
 * "How old is he?" after the person told of a brother: the age they gave, if they gave one
 * (in this message or before), or a question back about the person they mean. Null when the
 * message asks no one's age, its "he" points at no one the person told of, or a recalled memory
 * about them is left to answer.
 */
export function answerOthersAge(context: ReplyContext, recalled: string | null = null): string[] | null {
  const asked = asksAge.exec(context.personMessage)?.[1];
  if (!asked) return null;
  const said = context.recentMessages.filter((m) => m.author === "person").map((m) => m.text);
  const who = whoIsMeant(asked, [...said, context.personMessage]);
  if (!who) return null;
  const label = who.name ?? `your ${who.relation}`;
  const now = ageTold(context.personMessage, who);
  if (now) return [`${capital(label)} is ${now} — got it`, "I'll remember that"];
  // A "he's 38" said before counts only next to a mention of the one asked about.
  const near = said.flatMap((text, i) => (spokenOf(said, i, who) ? [text] : []));
  const before = [...near.toReversed(), ...context.memories.map((m) => m.text)]
    .map((text) => ageTold(text, who))
    .find((age) => age !== null);
  if (before) return [`${capital(label)} is ${before} — you told me`];
  // A memory about them may answer instead ("…turns six on Saturday").
  if (recalled && names(recalled, who)) return null;
  return [`You haven't told me yet — how old is ${label}?`];
}

const asksName = /\bwhat(?:'s| is| was) (his|her|their) name\b/i;

/** "What's her name again?" about someone the person told of by name: the name. */
export function answerOthersName(context: ReplyContext): string[] | null {
  if (!asksName.test(context.personMessage)) return null;
  const said = context.recentMessages.filter((m) => m.author === "person").map((m) => m.text);
  const who = whoIsMeant("they", said);
  if (!who?.name) return null;
  return [who.relation ? `${who.name} — your ${who.relation}` : who.name, "How could I forget?"];
}

interface Someone {
  name: string | null;
  relation: string | null;
}

/** Whom the question means: the latest one the person told of that fits, by name when they gave one. */
function whoIsMeant(question: string, said: readonly string[]): Someone | null {
  let asked = question;
  const relation = /^my (.+)$/i.exec(asked)?.[1]?.toLowerCase() ?? null;
  const isName = !relation && !/^(?:he|she|they)$/i.test(asked);
  // People write names in lower case ("how old is kenji?"): one they told of counts as written.
  const toldName = isName
    ? namesTold(said).find((name) => name.toLowerCase() === asked.toLowerCase())
    : undefined;
  if (isName && !toldName && !new RegExp(`^${NAME}$`, "u").test(asked)) return null;
  if (toldName) asked = toldName;
  const told = said
    .toReversed()
    .flatMap((text) => [...text.matchAll(mentioned)].reverse())
    .map((match) => ({ relation: (match[1] ?? match[4])!.toLowerCase(), name: match[2] ?? match[3] ?? null }))
    .filter((found) => (!relation || found.relation === relation) && (!isName || found.name === asked));
  const found = (relation ? told.find((one) => one.name) : undefined) ?? told[0];
  if (found) return found;
  if (isName) return { name: asked, relation: null };
  return relation ? { name: null, relation } : null;
}

/** The age a message gives; one that asks "how old is he?" may answer itself with a bare "29 haha". */
function ageTold(text: string, who: Someone): string | null {
  const asks = asksAge.exec(text);
  if (!asks) return ageIn(text, who, false);
  return ageIn(text.slice(asks.index + asks[0].length).replace(/^[^\p{L}\d]*/u, ""), who, true);
}

const AGE = String.raw`(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b(?!\s*(?:min|minutes|hours|km|%|of|more|times|days|weeks|months))`;

/** "he's 38", "Chloé is 8", "Mila turns six"; with `bare`, a number alone at the start too. */
function ageIn(text: string, who: Someone, bare: boolean): string | null {
  const subjects = [
    "[Hh]e",
    "[Ss]he",
    "[Tt]hey",
    ...(who.name ? [who.name] : []),
    ...(who.relation ? [`[Mm]y ${who.relation}`] : []),
  ];
  const pattern = new RegExp(
    String.raw`\b(?:${subjects.join("|")})(?:'s| is| are|'re| just turned| turned| turns| is turning| will be)(?: (?:only|just|almost|nearly))? ${AGE}`,
    "u",
  );
  const found = pattern.exec(text)?.[1];
  if (found) return found;
  return bare ? (new RegExp(`^\\s*${AGE}`, "u").exec(text)?.[1] ?? null) : null;
}

function namesTold(said: readonly string[]): string[] {
  return said.flatMap((text) => [...text.matchAll(mentioned)].flatMap((match) => match[2] ?? match[3] ?? []));
}

/**
 * Whether a "he's 29" in the message at `at` can be about them: they are the last one named,
 * in it or up to three messages before ("he's 29 btw" after two lines about the same roommate).
 */
function spokenOf(said: readonly string[], at: number, who: Someone): boolean {
  for (let i = at; i >= Math.max(0, at - 3); i--) {
    const text = said[i] ?? "";
    if (names(text, who)) return true;
    if (new RegExp(mentioned.source, "u").test(text)) return false;
  }
  return false;
}

function names(text: string, who: Someone): boolean {
  return (
    (who.name !== null && text.includes(who.name)) ||
    (who.relation !== null && new RegExp(`\\b[Mm]y ${KIND}${who.relation}\\b`, "u").test(text))
  );
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
