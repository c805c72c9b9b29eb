/** A leading action in asterisks ("*hugs you*", "*waves* hey"), and what is said after it. */
export interface Roleplay {
  action: string;
  rest: string;
}

const LEADING_ACTION = /^\s*\*([^*\n]{2,80})\*\s*/;

/** An action opens on a verb ("hugs", "sits", "waves", "yawn"); "*really* tired" is emphasis. */
const ACTION_VERB =
  /^(?:(?!(?:this|is|was|has|does|yes|always|sometimes|seriously|obviously|less|nothing)\b)\p{L}{3,}s|smile|wave|hug|yawn|sigh|laugh|grin|wink|nod|shrug|blush|giggle|sob|cry|pout|gasp)\b/iu;

export function roleplayIn(text: string): Roleplay | null {
  const found = LEADING_ACTION.exec(text);
  if (!found || !ACTION_VERB.test(found[1]!.trim())) return null;
  return { action: found[1]!.trim(), rest: text.slice(found[0].length).trim() };
}

/** "*really* tired": emphasis in asterisks, read as the words it stresses. */
export function withoutEmphasis(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, "$1");
}

/** The agent's action back, in the same asterisk style, and a line to go with it; null when none fits. */
export function actionBack(action: string): { back: string; line: string } | null {
  if (/\b(?:hugs?|cuddles?|embraces?|holds?) you\b/i.test(action))
    return { back: "*hugs you back*", line: "I needed that" };
  if (/\b(?:holds?|takes?|squeezes?) your hand\b/i.test(action))
    return { back: "*squeezes your hand*", line: "I'm right here" };
  const handed = /\b(?:hands?|gives?|passes?|offers?) you (?:a |an |the |some |my )?(.{2,40})$/i.exec(
    action,
  )?.[1];
  if (handed)
    return { back: `*takes the ${handed.replace(/[.!]+$/, "")}*`, line: "Thank you, that's lovely" };
  if (
    /\b(?:sits?|curls? up|snuggles?|settles?|leans?) (?:down )?(?:next to|beside|with|by|against|close to) you\b/i.test(
      action,
    )
  )
    return {
      back: "*scoots over to make room*",
      line: /\bfire\b/i.test(action) ? "It's warm here by the fire" : "Stay as long as you like",
    };
  if (/\bwaves?\b/i.test(action)) return { back: "*waves back*", line: "Hey, you" };
  if (/\b(?:smiles?|grins?|winks?)\b/i.test(action))
    return { back: "*smiles back*", line: "What's that look for?" };
  if (/\b(?:pokes?|nudges?|boops?)\b/i.test(action)) return { back: "*pokes you back*", line: "Hey, you" };
  return null;
}

const IRREGULAR_PAST: Record<string, string> = {
  gives: "gave",
  brings: "brought",
  makes: "made",
  sits: "sat",
  takes: "took",
  holds: "held",
  throws: "threw",
  buys: "bought",
  leaves: "left",
  puts: "put",
  reads: "read",
  sings: "sang",
  tells: "told",
  gets: "got",
};

/** "hands" → "handed", "hugs" → "hugged", "waves" → "waved", "gives" → "gave". */
function pastOf(verb: string): string | null {
  const lower = verb.toLowerCase();
  const irregular = IRREGULAR_PAST[lower];
  if (irregular) return irregular;
  if (!/^[a-z]{3,}s$/.test(lower)) return null;
  const base = /(?:ss|sh|ch|x|z)es$/.test(lower) ? lower.slice(0, -2) : lower.slice(0, -1);
  if (base.endsWith("e")) return `${base}d`;
  if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(base)) return `${base}${base.at(-1)}ed`;
  return `${base}ed`;
}

/**
 * A message that is only an action ("*hands you a mug of cocoa*") as the statement it makes, in
 * the person's words ("I handed you a mug of cocoa"), so recalling it reads as something they did.
 */
export function actionAsStatement(text: string): string | null {
  const played = roleplayIn(text);
  if (!played || played.rest) return null;
  const [verb, ...rest] = played.action.split(/\s+/);
  const past = verb ? pastOf(verb) : null;
  return past && rest.length ? `I ${past} ${rest.join(" ")}` : null;
}
