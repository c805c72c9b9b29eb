import { addressName } from "../prompt/calledName.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { conversationLanguage, type ReplyLanguage } from "./personaConversationLanguage.ts";
import { type DayPart, LINES, partAt } from "./personaOffHourWishes.ts";
import { capitalize } from "./personaTyping.ts";

/** What a person tells of their own hour: a part of their day, just up, or off to bed. */
type OwnHour = DayPart | "woke" | "napped" | "bed";

const PARTS: Record<string, DayPart> = {
  morning: "morning",
  mañana: "morning",
  manhã: "morning",
  matin: "morning",
  mattina: "morning",
  morgen: "morning",
  afternoon: "afternoon",
  tarde: "afternoon",
  "après-midi": "afternoon",
  nachmittag: "afternoon",
  pomeriggio: "afternoon",
  evening: "evening",
  soir: "evening",
  abend: "evening",
  sera: "evening",
  night: "night",
  noche: "night",
  noite: "night",
  nuit: "night",
  nacht: "night",
  notte: "night",
};

const PART_WORDS = Object.keys(PARTS).join("|");

/** "it's morning for me", "aquí es de noche", "bei mir ist es Abend", "qui è sera". */
const PART_TOLD = new RegExp(
  `(?:\\bit'?s (?:(?:early|late|still|already) )?(?:the )?(${PART_WORDS}) (?:for me|here|where i am|over here|in [a-z]+)` +
    `|\\b(?:aqu[ií]|ac[aá]|aqui|c[aá]) (?:ya |todav[ií]a |ainda |já )?(?:es|é) (?:de |por la )?(${PART_WORDS})` +
    `|\\b(?:ici|chez moi),? c'est (?:d[ée]j[àa] |encore )?(?:le |l')?(${PART_WORDS})` +
    `|\\b(?:bei mir|hier) ist(?: es)? (?:schon |noch )?(${PART_WORDS})` +
    `|\\b(?:qui|da me) (?:è|e') (?:già |ancora )?(?:di )?(${PART_WORDS}))\\b`,
  "iu",
);

const WOKE =
  /(?:^|\bi\s+)(?:only\s+)?just\s+(?:woke up|got up|got out of bed)\b(?!\s+(?:to|for|and)\b)|\bacabo de (?:despertar(?:me)?|levantarme)|\bme acabo de (?:despertar|levantar)|\bacabei de acordar|\bacordei agora|\bje viens de me (?:réveiller|lever)|\bich bin (?:gerade|eben) aufgewacht|\bgerade aufgestanden|\bmi sono appena (?:svegliat|alzat)[oa]/iu;

const BED =
  /(?:^|\bi'?m\s+|\bim\s+|\bi am\s+|,\s*)(?:about to|going to|off to|heading to|gonna) (?:go to )?(?:bed|sleep)\b(?! on\b)|\bme voy a (?:dormir|la cama)|\bvou (?:dormir|para a cama|deitar-me)|\bje vais (?:me coucher|dormir)|\bich gehe (?:jetzt )?(?:schlafen|ins bett)|\bvado a (?:dormire|letto)/iu;

function ownHourIn(text: string): OwnHour | null {
  if (/\?\s*$/.test(text) || text.split(/\s+/).length > 16) return null;
  if (WOKE.test(text)) return "woke";
  if (BED.test(text)) return "bed";
  const told = PART_TOLD.exec(text);
  const word = told?.slice(1).find(Boolean)?.toLowerCase();
  return word ? (PARTS[word] ?? null) : null;
}

interface OwnHourLines {
  met: Record<OwnHour, string>;
  /** The agent's own hour when it is another: {now}. */
  here: string;
}

const MET: Record<ReplyLanguage, OwnHourLines> = {
  en: {
    met: {
      woke: "Morning to you, then, {name}! Did you sleep well?",
      napped: "Hello again, {name}! Did you have a good rest?",
      morning: "Morning to you, then, {name}! What's the plan for your day?",
      afternoon: "Good afternoon to you, then, {name}! How's your day going?",
      evening: "Good evening to you, then, {name}! How was your day?",
      night: "You're up late, {name}! What's keeping you awake?",
      bed: "Sleep well, then, {name}! Sweet dreams.",
    },
    here: "Here it's {now}.",
  },
  es: {
    met: {
      woke: "¡Buenos días, entonces, {name}! ¿Dormiste bien?",
      napped: "¡Hola de nuevo, {name}! ¿Descansaste bien?",
      morning: "¡Buenos días, entonces, {name}! ¿Qué planes tienes hoy?",
      afternoon: "¡Buenas tardes, entonces, {name}! ¿Qué tal va el día?",
      evening: "¡Buenas noches, entonces, {name}! ¿Qué tal el día?",
      night: "¡Qué tarde, {name}! ¿Qué te tiene despierto?",
      bed: "¡Que descanses, {name}! Dulces sueños.",
    },
    here: "Aquí es {now}.",
  },
  pt: {
    met: {
      woke: "Bom dia, então, {name}! Dormiste bem?",
      napped: "Olá de novo, {name}! Descansaste bem?",
      morning: "Bom dia, então, {name}! Que planos tens para hoje?",
      afternoon: "Boa tarde, então, {name}! Como está a correr o dia?",
      evening: "Boa noite, então, {name}! Como foi o teu dia?",
      night: "Tão tarde, {name}! O que te mantém acordado?",
      bed: "Dorme bem, {name}! Bons sonhos.",
    },
    here: "Aqui é {now}.",
  },
  fr: {
    met: {
      woke: "Bonjour, alors, {name} ! Tu as bien dormi ?",
      napped: "Re-bonjour, {name} ! Tu as bien dormi ?",
      morning: "Bonjour, alors, {name} ! Qu'est-ce que tu as prévu aujourd'hui ?",
      afternoon: "Bon après-midi, alors, {name} ! Ta journée se passe bien ?",
      evening: "Bonsoir, alors, {name} ! Ta journée s'est bien passée ?",
      night: "Tu veilles tard, {name} ! Qu'est-ce qui te tient éveillé ?",
      bed: "Dors bien, alors, {name} ! Fais de beaux rêves.",
    },
    here: "Ici, c'est {now}.",
  },
  de: {
    met: {
      woke: "Guten Morgen also, {name}! Hast du gut geschlafen?",
      napped: "Hallo nochmal, {name}! Hast du gut geschlafen?",
      morning: "Guten Morgen also, {name}! Was hast du heute vor?",
      afternoon: "Guten Tag also, {name}! Wie läuft dein Tag?",
      evening: "Guten Abend also, {name}! Wie war dein Tag?",
      night: "So spät noch wach, {name}! Was hält dich wach?",
      bed: "Schlaf gut, {name}! Süße Träume.",
    },
    here: "Hier ist es {now}.",
  },
  it: {
    met: {
      woke: "Buongiorno, allora, {name}! Hai dormito bene?",
      napped: "Ciao di nuovo, {name}! Hai dormito bene?",
      morning: "Buongiorno, allora, {name}! Che programmi hai per oggi?",
      afternoon: "Buon pomeriggio, allora, {name}! Come va la giornata?",
      evening: "Buonasera, allora, {name}! Com'è andata la giornata?",
      night: "Sei sveglio tardi, {name}! Cosa ti tiene sveglio?",
      bed: "Dormi bene, {name}! Sogni d'oro.",
    },
    here: "Qui è {now}.",
  },
};

/** The part of the day a person's own hour falls in. */
const PART_OF: Record<OwnHour, DayPart> = {
  woke: "morning",
  napped: "afternoon",
  bed: "night",
  morning: "morning",
  afternoon: "afternoon",
  evening: "evening",
  night: "night",
};

/**
 * "it's morning for me, I just woke up", "me voy a dormir": the person's own hour is met as
 * theirs — a good morning wished back, a good night — and the agent's hour said when it is
 * another part of the day. Null when the line tells no hour of the person's.
 */
export function meetOwnHourTold(context: ReplyContext): string | null {
  const told = ownHourIn(context.personMessage.trim());
  if (!told) return null;
  // Woken later in a day their clock shows is a rest, not a morning.
  const theirClock = context.personLocalTime;
  const own = told === "woke" && theirClock && partAt(theirClock.hour) !== "morning" ? "napped" : told;
  const language = conversationLanguage(context);
  const lines = MET[language];
  const met = lines.met[own].replace("{name}", addressName(context));
  const agentPart = partAt(context.localTime.hour);
  const theirs = own === "napped" && theirClock ? partAt(theirClock.hour) : PART_OF[own];
  const differs = agentPart !== theirs && !(theirs === "night" && agentPart === "evening");
  if (!differs) return met;
  const here = lines.here.replace("{now}", LINES[language].now[agentPart]);
  // The greeting first, then the agent's hour, then the question.
  const [greeting, ...rest] = met.split(/(?<=[!.])\s+/);
  return [greeting, capitalize(here), ...rest].join(" ");
}
