import type { TurnKind } from "../../../../src/application/persona/personaReading.ts";

/** The languages a conversation is labelled with when it is not in English. */
export type ChatLanguage = "fr" | "de" | "es" | "pt" | "it";
export const CHAT_LANGUAGES: readonly ChatLanguage[] = ["fr", "de", "es", "pt", "it"];

/** Short words each language uses in nearly every sentence, and the others seldom. */
const STOP_WORDS: Record<ChatLanguage | "en", readonly string[]> = {
  en: "the and you i i'm is it that my your of to with what was have just how so for day good".split(" "),
  fr: "il fait bonne nuit merci rien quand salut coucou quoi demain toi moi au à en oui non bonjour bonsoir je tu le la les et est c'est ça un une des du pas ton ta mon ma avec pour qui que bien suis ai j'ai aussi très".split(
    " ",
  ),
  de: "gute nacht gern danke bis morgen hallo was noch dich ja nein schon zu auf ich du der die das und ist nicht ein eine mit dein deine mein es auch bin hab habe gut schön heute wie bei".split(
    " ",
  ),
  es: "cuando también bueno algo ahora eso hasta mañana hola gracias buenas noches lo no me sé se sí por en al eres estás yo tú el la los las y es un una que de tu mi muy con para estoy pero qué hoy bien del aquí".split(
    " ",
  ),
  pt: "está isso foi são já vou fica aí agora também olá boa noite até amanhã obrigado obrigada tudo sim no na ao então estás contigo eu tu o a os as e é um uma que de teu tua meu minha com para estou muito hoje bem não aqui do da".split(
    " ",
  ),
  it: "ciao buona notte grazie domani sì ho hai sei anche io tu il lo la gli e è un una che di tuo tua mio mia con per sono molto oggi bene non qui".split(
    " ",
  ),
};

/** A stop-word guess at a line's language; null when no language's words clearly lead. */
export function guessLanguage(text: string): ChatLanguage | "en" | null {
  const words = text.toLowerCase().match(/[\p{L}'-]+/gu) ?? [];
  let best: ChatLanguage | "en" | null = null;
  let bestCount = 0;
  let tied = false;
  for (const [language, stops] of Object.entries(STOP_WORDS) as [ChatLanguage | "en", readonly string[]][]) {
    const count = words.filter((word) => stops.includes(word)).length;
    if (count > bestCount) [best, bestCount, tied] = [language, count, false];
    else if (count === bestCount && count > 0) tied = true;
  }
  return tied ? null : best;
}

/** What a reply in the conversation's language does for the turn's kind, where its words tell. */
const KIND_WORDS: Partial<Record<TurnKind, Record<ChatLanguage, RegExp>>> = {
  greeting: {
    fr: /\b(?:salut|bonjour|bonsoir|coucou)\b/i,
    de: /\b(?:hallo|hi|guten (?:morgen|abend|tag)|servus|moin)\b/i,
    es: /\b(?:hola|buenos días|buenas)\b/i,
    pt: /(?:olá|\bbom dia\b|\bboa tarde\b|\bboa noite\b|\boi\b)/i,
    it: /\b(?:ciao|buongiorno|buonasera|salve)\b/i,
  },
  farewell: {
    fr: /bonne nuit|à demain|à bientôt|dors bien|bonne soirée/i,
    de: /gute nacht|bis morgen|schlaf gut|bis bald|tschüss/i,
    es: /buenas noches|hasta mañana|hasta luego|que duermas bien|cuídate/i,
    pt: /boa noite|até amanhã|dorme bem|até logo|até já/i,
    it: /buona notte|buonanotte|a domani|dormi bene|a presto/i,
  },
  feeling: {
    fr: /désolée?|dur|je suis là|raconte|qu'est-ce qui s'est passé|génial|bravo|félicitations|repose/i,
    de: /tut mir leid|schwer|ich bin da|erzähl|was ist passiert|toll|glückwunsch|ausruhen|ruh dich/i,
    es: /lo siento|duro|estoy aquí|cuéntame|qué pasó|genial|enhorabuena|felicidades|descansa/i,
    pt: /lamento|sinto muito|difícil|estou aqui|conta-me|o que aconteceu|parabéns|descansa/i,
    it: /mi dispiace|difficile|sono qui|raccontami|cos'è successo|fantastico|congratulazioni|riposa/i,
  },
  thanks: {
    fr: /de rien|avec plaisir|je t'en prie|quand tu veux/i,
    de: /gern(?:e|\s+geschehen)?|bitte|immer/i,
    es: /de nada|un placer|cuando quieras/i,
    pt: /de nada|não tens de quê|um prazer|sempre/i,
    it: /prego|figurati|di niente|quando vuoi/i,
  },
  apology: {
    fr: /pas de souci|ce n'est rien|t'inquiète|ne t'inquiète/i,
    de: /kein problem|schon gut|mach dir keine sorgen|alles gut/i,
    es: /no pasa nada|no te preocupes|tranquil/i,
    pt: /não faz mal|não te preocupes|tudo bem/i,
    it: /non fa niente|non preoccuparti|tranquill/i,
  },
  request: {
    fr: /bien sûr|d'accord|voici|mon conseil/i,
    de: /klar|gern|hier ist|mein tipp|mein rat/i,
    es: /claro|vale|aquí tienes|mi consejo/i,
    pt: /claro|está bem|aqui vai|o meu conselho/i,
    it: /certo|ecco|il mio consiglio/i,
  },
  "own-facts": {
    fr: /\b(?:ton|ta|tes|tu|m'as)\b/i,
    de: /\b(?:dein|deine|deinen|deiner|du|hast)\b/i,
    es: /\b(?:tu|tus|me dijiste)\b/i,
    pt: /\b(?:teu|tua|tu|disseste)\b/i,
    it: /\b(?:tuo|tua|tuoi|mi hai)\b/i,
  },
};

/** Whether a reply in the conversation's language does what its kind asks, where the words tell. */
export function answersKindIn(language: ChatLanguage, kind: TurnKind, reply: string): boolean {
  const words = KIND_WORDS[kind]?.[language];
  return words ? words.test(reply) : false;
}
