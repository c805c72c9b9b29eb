import type { ReplyLanguage } from "./personaConversationLanguage.ts";
import type { SeededRandom } from "./personaRandom.ts";

/** The news of one's own life the lines meet, as the English side does: glad, then a question that fits. */
type NewsKind = "engaged" | "baby" | "job" | "moved" | "pet";
type OtherLanguage = Exclude<ReplyLanguage, "en">;

const PLACE = String.raw`(\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)*)`;
const PETS = {
  es: "(?:perr|perrit|cachorr|gat|gatit)[oa]s?|conejo",
  pt: "(?:cachorr|gat|gatinh|coelh)[oa]s?|cão|cãozinho",
  fr: "chien(?:ne)?|chiot|chat(?:te)?|chaton|lapin",
  de: "hund|welpen?|katze|kätzchen|kater|kaninchen",
  it: "can[ei]|cagnolin[oa]|cucciol[oa]|gatt(?:in)?[oa]|coniglio",
};

/** What tells each kind of news in each language, the place moved to caught where it is said. */
const TOLD: Record<OtherLanguage, Record<NewsKind, RegExp>> = {
  es: {
    engaged:
      /\b(?:me (?:he )?comprometid[oa]|me comprometí|nos (?:hemos )?comprometido|nos comprometimos|me caso|nos casamos|me voy a casar)(?![\p{L}])/iu,
    baby: /\b(?:estoy embarazada|vamos a tener un bebé|(?:tuvimos|hemos tenido|he tenido) un bebé)(?![\p{L}])/iu,
    job: /\b(?:(?:un |mi )?(?:trabajo|empleo) nuevo|(?:un |mi )?nuevo (?:trabajo|empleo)|me (?:han )?contratad[oa])(?![\p{L}])/iu,
    moved: new RegExp(
      String.raw`\b(?i:me (?:he )?mud(?:é|ado)|nos (?:hemos )?mud(?:amos|ado))(?![\p{L}])(?:\s+(?:a|al)\s+${PLACE})?`,
      "u",
    ),
    pet: new RegExp(
      String.raw`\b(?:adopt\p{L}*|(?:me |nos )?(?:compré|compramos|trajimos|traje))\s+(?:(?:un|una)\s+)?(?:\p{L}+\s+)?(?:${PETS.es})(?![\p{L}])`,
      "iu",
    ),
  },
  pt: {
    engaged:
      /(?:fiquei noiv[oa]|ficámos noivos|ficamos noivos|estou noiv[oa]|vou casar|vamos casar|vou-me casar)(?![\p{L}])/iu,
    baby: /(?:estou grávida|vamos ter um bebé|vamos ter um bebê|tivemos um bebé|tivemos um bebê)(?![\p{L}])/iu,
    job: /\b(?:(?:um )?(?:emprego|trabalho) novo|(?:um )?novo (?:emprego|trabalho)|fui contratad[oa])(?![\p{L}])/iu,
    moved: new RegExp(
      String.raw`(?i:mudei-me|me mudei|mudei|mudámos|mudamos|nos mudamos)(?![\p{L}])(?: de casa)?(?:\s+(?:para|pra)\s+(?:o |a )?${PLACE})?`,
      "u",
    ),
    pet: new RegExp(
      String.raw`(?:adot|adopt|comprámos|compramos|comprei|ganhei|trouxemos)\p{L}*\s+(?:(?:um|uma)\s+)?(?:\p{L}+\s+)?(?:${PETS.pt})(?![\p{L}])`,
      "iu",
    ),
  },
  fr: {
    engaged:
      /(?:je me suis fiancée?|nous nous sommes fiancés|on s'est fiancés|je vais me marier|on va se marier|on se marie)(?![\p{L}])/iu,
    baby: /(?:je suis enceinte|on va avoir un bébé|nous allons avoir un bébé|on a eu un bébé)(?![\p{L}])/iu,
    job: /(?:un nouveau (?:travail|boulot|job|poste)|(?:trouvé|décroché) un (?:travail|boulot|job|poste)|j'ai été embauchée?)(?![\p{L}])/iu,
    moved: new RegExp(
      String.raw`(?i:j'ai déménagé|on a déménagé|nous avons déménagé|je déménage|on déménage)(?![\p{L}])(?:\s+(?:à|a|en)\s+${PLACE})?`,
      "u",
    ),
    pet: new RegExp(
      String.raw`(?:adopté|eu|pris|ramené)\s+(?:un|une)\s+(?:\p{L}+\s+)?(?:${PETS.fr})(?![\p{L}])`,
      "iu",
    ),
  },
  de: {
    engaged: /(?:(?:mich|uns) verlobt|bin verlobt|sind verlobt|ich heirate|wir heiraten)(?![\p{L}])/iu,
    baby: /(?:bin schwanger|(?:bekommen|kriegen) ein baby)(?![\p{L}])/iu,
    job: /(?:neuen job|neue (?:stelle|arbeit)|wurde eingestellt)(?![\p{L}])/iu,
    moved: new RegExp(
      String.raw`(?:(?:nach|in)\s+${PLACE}\s+)?(?i:(?:gerade|endlich|jetzt)\s+)?(?i:umgezogen|gezogen)(?![\p{L}])|(?i:ziehe|ziehen) um(?![\p{L}])`,
      "u",
    ),
    pet: new RegExp(
      String.raw`(?:${PETS.de})(?![\p{L}])[^.!?]*(?:bekommen|adoptiert|geholt|gekauft)(?![\p{L}])`,
      "iu",
    ),
  },
  it: {
    engaged: /(?:mi sono fidanzat[oa]|ci siamo fidanzati|mi sposo|ci sposiamo)(?![\p{L}])/iu,
    baby: /(?:sono incinta|aspett(?:o|iamo) un bambino|avremo un bambino)(?![\p{L}])/iu,
    job: /(?:nuovo lavoro|lavoro nuovo|mi hanno assunt[oa])(?![\p{L}])/iu,
    moved: new RegExp(
      String.raw`(?i:mi sono trasferit[oa]|ci siamo trasferiti|ho traslocato|abbiamo traslocato)(?![\p{L}])(?:\s+(?:a|in)\s+${PLACE})?`,
      "u",
    ),
    pet: new RegExp(
      String.raw`(?:preso|adottato|portato a casa)\s+(?:un|una|un')\s*(?:\p{L}+\s+)?(?:${PETS.it})(?![\p{L}])`,
      "iu",
    ),
  },
};

/** The lines per kind; "movedTo" names the place. */
const MET: Record<OtherLanguage, Record<NewsKind | "movedTo", readonly string[]>> = {
  es: {
    engaged: ["¡Enhorabuena! Qué noticia tan bonita. ¿Cómo fue la pedida?"],
    baby: ["¡Qué noticia tan bonita, enhorabuena! ¿Cómo te encuentras?"],
    job: ["¡Un trabajo nuevo, enhorabuena! ¿De qué es?", "¡Qué buena noticia! ¿Cuándo empiezas?"],
    moved: ["¡Una mudanza! Qué cambio. ¿Qué tal la casa nueva?"],
    movedTo: ["¡Una mudanza a {place}! Qué cambio. ¿Qué tal te estás adaptando?"],
    pet: ["¡Una mascota nueva, qué ilusión! ¿Cómo se llama?"],
  },
  pt: {
    engaged: ["Parabéns! Que notícia tão bonita. Como foi o pedido?"],
    baby: ["Que notícia tão bonita, parabéns! Como te sentes?"],
    job: ["Um emprego novo, parabéns! O que vais fazer?", "Que boa notícia! Quando começas?"],
    moved: ["Uma mudança! Que grande passo. Como é a casa nova?"],
    movedTo: ["Uma mudança para {place}! Que grande passo. Estás a gostar?"],
    pet: ["Um novo animal de estimação, que alegria! Como se chama?"],
  },
  fr: {
    engaged: ["Félicitations ! Quelle belle nouvelle. Raconte-moi la demande ?"],
    baby: ["Quelle belle nouvelle, félicitations ! Comment tu te sens ?"],
    job: [
      "Un nouveau travail, félicitations ! C'est quoi, le poste ?",
      "Quelle bonne nouvelle ! Tu commences quand ?",
    ],
    moved: ["Un déménagement ! Quel changement. Il est comment, le nouveau chez-toi ?"],
    movedTo: ["Un déménagement à {place} ! Quel changement. Tu t'y plais ?"],
    pet: ["Un nouveau compagnon à quatre pattes, quelle joie ! Il s'appelle comment ?"],
  },
  de: {
    engaged: ["Herzlichen Glückwunsch! Was für schöne Neuigkeiten. Wie war der Antrag?"],
    baby: ["Was für schöne Neuigkeiten, herzlichen Glückwunsch! Wie geht es dir?"],
    job: [
      "Ein neuer Job, herzlichen Glückwunsch! Was machst du da?",
      "Was für gute Neuigkeiten! Wann fängst du an?",
    ],
    moved: ["Ein Umzug! Was für eine Veränderung. Wie ist die neue Wohnung?"],
    movedTo: ["Ein Umzug nach {place}! Was für eine Veränderung. Gefällt es dir dort?"],
    pet: ["Ein neues Haustier — wie schön! Wie heißt es denn?"],
  },
  it: {
    engaged: ["Congratulazioni! Che bella notizia. Com'è andata la proposta?"],
    baby: ["Che bella notizia, congratulazioni! Come ti senti?"],
    job: ["Un lavoro nuovo, complimenti! Di cosa si tratta?", "Che bella notizia! Quando inizi?"],
    moved: ["Un trasloco! Che cambiamento. Com'è la casa nuova?"],
    movedTo: ["Un trasloco a {place}! Che cambiamento. Come ti trovi?"],
    pet: ["Un nuovo amico a quattro zampe, che bello! Come si chiama?"],
  },
};

const KINDS: readonly NewsKind[] = ["engaged", "baby", "job", "moved", "pet"];

/**
 * "Conseguí un trabajo nuevo", "on a adopté un chat", "ich bin nach Berlin umgezogen": news of the
 * person's own life in the conversation's language, met with gladness and a question that fits it.
 * Null when the message tells none of it, or asks something.
 */
export function meetNewsInLanguage(
  language: OtherLanguage,
  text: string,
  random: SeededRandom,
): string | null {
  if (/\?\s*$|^\s*¿/.test(text)) return null;
  for (const kind of KINDS) {
    const found = TOLD[language][kind].exec(text);
    if (!found) continue;
    const place = kind === "moved" ? found[1] : undefined;
    return place
      ? random.pick(MET[language].movedTo).replace("{place}", place)
      : random.pick(MET[language][kind]);
  }
  return null;
}
