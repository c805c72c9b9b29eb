import { addressName } from "../prompt/calledName.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { conversationLanguage, type ReplyLanguage } from "./personaConversationLanguage.ts";
import { capitalize } from "./personaTyping.ts";

export type DayPart = "morning" | "afternoon" | "evening" | "night";

/** The part of the day a wish names, and the hours it fits (from, to; across midnight when to < from). */
const WISHES: readonly [RegExp, DayPart, number, number][] = [
  [/^(?:good ?morning|morning|buenos d[ií]as|bom dia|guten morgen|goedemorgen|ohayou?)\b/i, "morning", 4, 13],
  [/^(?:buongiorno|bonjour|guten tag)\b/i, "morning", 4, 19],
  [/^(?:good afternoon|buenas tardes|boa tarde|buon pomeriggio)\b/i, "afternoon", 11, 19],
  [/^(?:good evening|evening|bonsoir|guten abend|buonasera|buona sera)\b/i, "evening", 16, 4],
  [
    /^(?:good ?night|night night|nighty night|buenas noches|boa noite|bonne nuit|gute nacht|buona ?notte)\b/i,
    "night",
    18,
    6,
  ],
];

/** How each language meets a wish said at the wrong hour: the hour there, and the wish that fits it. */
interface OffHourLines {
  hello: Record<DayPart, string>;
  now: Record<DayPart, string>;
  here: string;
  there: string;
  /** {said} the wish as the person said it, {where} here or there, {now}, {hello}, {name}. */
  wrongHour: string;
  /** A good night wished in the day. */
  bedtimeEarly: string;
}

export const LINES: Record<ReplyLanguage, OffHourLines> = {
  en: {
    hello: {
      morning: "good morning",
      afternoon: "good afternoon",
      evening: "good evening",
      night: "hello anyway",
    },
    now: {
      morning: "morning",
      afternoon: "the afternoon",
      evening: "evening",
      night: "the middle of the night",
    },
    here: "here",
    there: "where you are",
    wrongHour: "{Said}? It's {now} {where} — {hello}, {name}!",
    bedtimeEarly: "{Said}? It's only {now} {where} — off for a nap? Sleep well, {name}!",
  },
  es: {
    hello: {
      morning: "buenos días",
      afternoon: "buenas tardes",
      evening: "buenas noches",
      night: "buenas noches",
    },
    now: { morning: "por la mañana", afternoon: "por la tarde", evening: "de noche", night: "de madrugada" },
    here: "aquí",
    there: "donde estás tú",
    wrongHour: "¿{Said}? {Where} es {now} — ¡{hello}, {name}!",
    bedtimeEarly: "¿{Said}? {Where} todavía es {now} — ¿una siesta? ¡Descansa, {name}!",
  },
  pt: {
    hello: { morning: "bom dia", afternoon: "boa tarde", evening: "boa noite", night: "boa noite" },
    now: { morning: "de manhã", afternoon: "de tarde", evening: "de noite", night: "de madrugada" },
    here: "aqui",
    there: "onde estás",
    wrongHour: "{Said}? {Where} é {now} — {hello}, {name}!",
    bedtimeEarly: "{Said}? {Where} ainda é {now} — uma sesta? Descansa, {name}!",
  },
  fr: {
    hello: { morning: "bonjour", afternoon: "bonjour", evening: "bonsoir", night: "bonsoir" },
    now: {
      morning: "le matin",
      afternoon: "l'après-midi",
      evening: "le soir",
      night: "le milieu de la nuit",
    },
    here: "ici",
    there: "chez toi",
    wrongHour: "{Said} ? {Where}, c'est {now} — {hello}, {name} !",
    bedtimeEarly: "{Said} ? {Where}, c'est encore {now} — une petite sieste ? Repose-toi bien, {name} !",
  },
  de: {
    hello: { morning: "guten Morgen", afternoon: "guten Tag", evening: "guten Abend", night: "guten Abend" },
    now: { morning: "Morgen", afternoon: "Nachmittag", evening: "Abend", night: "mitten in der Nacht" },
    here: "hier",
    there: "bei dir",
    wrongHour: "{Said}? {Where} ist es {now} — {hello}, {name}!",
    bedtimeEarly: "{Said}? {Where} ist es doch erst {now} — ein Nickerchen? Schlaf gut, {name}!",
  },
  it: {
    hello: { morning: "buongiorno", afternoon: "buon pomeriggio", evening: "buonasera", night: "buonasera" },
    now: { morning: "mattina", afternoon: "pomeriggio", evening: "sera", night: "notte fonda" },
    here: "qui",
    there: "da te",
    wrongHour: "{Said}? {Where} è {now} — {hello}, {name}!",
    bedtimeEarly: "{Said}? {Where} è ancora {now} — un pisolino? Riposa bene, {name}!",
  },
};

export const partAt = (hour: number): DayPart =>
  hour >= 5 && hour < 12
    ? "morning"
    : hour >= 12 && hour < 18
      ? "afternoon"
      : hour >= 18 && hour < 23
        ? "evening"
        : "night";

const fits = (hour: number, from: number, to: number) =>
  from < to ? hour >= from && hour < to : hour >= from || hour < to;

/** A short line that opens with a wish: "good morning!", "ok good night x", "¡buenos días, Mira!". */
const WISH_OPENING = /^\s*(?:(?:ok(?:ay)?|well|anyway|right)[,!]?\s+)?¡?\s*/i;

/** The wish a short line opens with, as said, and whether it fits the hour it is said at. */
function wishIn(context: ReplyContext) {
  const text = context.personMessage.trim();
  if (/\?\s*$/.test(text) || text.split(/\s+/).length > 8) return null;
  const opening = text.replace(WISH_OPENING, "");
  const wish = WISHES.find(([pattern]) => pattern.test(opening));
  if (!wish) return null;
  const [pattern, wished, from, to] = wish;
  const theirs = context.personLocalTime ?? null;
  const hour = theirs?.hour ?? context.localTime.hour;
  // "Night night" is echoed as the good night it is, not as a doubled word.
  const said = pattern.exec(opening)![0].replace(/^nighty? night$/i, "good night");
  return { wished, hour, theirs, said, fitting: fits(hour, from, to) };
}

/**
 * "Good morning" in the agent's evening, "good night" at noon: met as a person would, noting the
 * hour gently (the person's own when their clock is known, else the agent's) and wishing what
 * fits it, in the conversation's language. Null when the wish fits the hour, or there is none.
 */
export function meetOffHourWish(context: ReplyContext): string | null {
  const wish = wishIn(context);
  if (!wish || wish.fitting) return null;
  const { wished, hour, theirs, said } = wish;
  const lines = LINES[conversationLanguage(context)];
  const now = partAt(hour);
  const where = theirs ? lines.there : lines.here;
  const line =
    wished === "night" && (now === "morning" || now === "afternoon") ? lines.bedtimeEarly : lines.wrongHour;
  return line
    .replace("{Said}", capitalize(said))
    .replace("{Where}", capitalize(where))
    .replace("{where}", where)
    .replace("{now}", lines.now[now])
    .replace("{hello}", lines.hello[now])
    .replace("{name}", addressName(context));
}

/** The plain hello a greeting in another language opens with: "¡Hola, Sam!", "Salut Sam !". */
const PLAIN_HELLO = /^(¡?)(?:hola|olá|ciao|hallo|salut|coucou)\b/i;

/**
 * "Buenos días" at the hour it fits is wished back, as "good morning" is in English, rather than
 * met with a plain "¡Hola!".
 */
export function withFittingWish(reply: string, context: ReplyContext): string {
  const wish = wishIn(context);
  if (!wish?.fitting || wish.wished === "night") return reply;
  const said = capitalize(wish.said.toLowerCase()).replace(
    /^Guten \p{L}/u,
    (german) => german.slice(0, -1) + german.slice(-1).toUpperCase(),
  );
  return reply.replace(PLAIN_HELLO, (_, opening: string) => opening + said);
}
