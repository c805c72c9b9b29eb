import type { ReplyLanguage } from "./personaConversationLanguage.ts";

/** A line that says next to nothing: the talk is the agent's to carry on. */
export type ThinLine = "nothing" | "same" | "laugh" | "unsure" | "hum" | "welcome";

/** Each kind as it is written in the six languages, matched on the whole line. */
export const THIN_LINES: readonly [ThinLine, RegExp][] = [
  [
    "nothing",
    /^(?:nothing(?: much| really| special)?|not much|nm|nothing new|pas grand[- ]chose|rien(?: de spécial| de special)?|bof|nicht viel|nichts(?: besonderes)?|nada(?: especial| de especial| de mais| del otro mundo)?|nothing at all|niente(?: di che| di speciale)?)$/u,
  ],
  [
    "same",
    /^(?:same(?: here| tbh)?|me too|pareil|moi aussi|pareil pour moi|gleichfalls|ich auch|dito|genauso|lo mismo|igual|yo también|yo tambien|eu também|eu tambem|idem|uguale|anch'io|anche io)$/u,
  ],
  [
    "laugh",
    /^(?:(?:ha){2,}h?|(?:he){2,}|lol+|lmao|rofl|xd|mdr+|ptdr+|(?:hi){2,}|(?:ja){2,}|(?:je){2,}|k{3,}|rs(?:rs)+|a?(?:ha){2,}h?|ahah+|😂+|🤣+)$/u,
  ],
  [
    "unsure",
    /^(?:idk|i dunno|dunno|i don't know|i dont know|no idea|je sais pas|je ne sais pas|jsp|aucune idée|aucune idee|keine ahnung|weiß nicht|weiss nicht|ni idea|no sé|no se|sei lá|sei la|não sei|nao sei|boh|non so|non lo so)$/u,
  ],
  ["hum", /^(?:h+m+|m{2,}|hmm+|euh+|tja|pues|mah|bah|uhm+|um+)$/u],
  // The person's own "you're welcome", said back to the agent's thanks.
  [
    "welcome",
    /^(?:(?:oh|aw+|haha|ha)[,!]?\s+)?(?:you'?re (?:very |so )?welcome|ur welcome|yw|no problem|no prob(?:lem)?s?|np|no worries|anytime|any time|my pleasure|de nada|por nada|no hay de qu[ée]|não tem de qu[êe]|nao tem de que|disponha|de rien|je t'en prie|avec plaisir|pas de souci|gern(?:e| geschehen)|keine ursache|bitte(?: sehr| schön)?|prego|di niente|figurati|non c'è di che)$/u,
  ],
];

/** What the agent says to each kind, then a question or an offer that carries the talk on. */
export interface ThinLineWords {
  meet: Record<ThinLine, readonly string[]>;
  offers: readonly string[];
  /** The person's last news asked about again, in their words: {said}. */
  thread: string;
}

export const THIN_LINE_WORDS: Record<ReplyLanguage, ThinLineWords> = {
  en: {
    meet: {
      nothing: ["A quiet one, then — those count too", "Fair enough, not every day has news"],
      same: ["Ha, same boat, then", "Glad it's not just me"],
      laugh: ["Ha, glad that made you smile", "Haha, I'll take that laugh"],
      unsure: ["That's okay, you don't have to know", "No pressure at all"],
      hum: ["Thinking it over?", "Take your time"],
      welcome: ["Ha, you're kind", "You're sweet"],
    },
    offers: [
      "Want to hear the silliest thing that happened to me this week?",
      "Random question, then: beach or mountains?",
      "Tell me one small good thing from today?",
      "What's something you're looking forward to?",
      "What have you been listening to lately?",
    ],
    thread: 'Earlier you said "{said}" — how\'s that going?',
  },
  fr: {
    meet: {
      nothing: [
        "Une journée tranquille, alors — ça compte aussi",
        "Pas de souci, on n'a pas toujours des nouvelles",
      ],
      same: ["Ha, on est dans le même bateau", "Content de ne pas être le seul"],
      laugh: ["Ha, content de t'avoir fait sourire", "J'adore te faire rire"],
      unsure: ["Pas grave, tu n'es pas obligé de savoir", "Aucune pression"],
      hum: ["Tu réfléchis ?", "Prends ton temps"],
      welcome: ["C'est gentil", "Tu es adorable"],
    },
    offers: [
      "Question au hasard : plutôt mer ou montagne ?",
      "Raconte-moi une petite chose agréable de ta journée ?",
      "Qu'est-ce que tu attends avec impatience en ce moment ?",
      "Tu écoutes quoi comme musique ces temps-ci ?",
    ],
    thread: "Au fait, tu m'as dit « {said} » — ça se passe comment ?",
  },
  de: {
    meet: {
      nothing: ["Ein ruhiger Tag also — die zählen auch", "Schon gut, nicht jeder Tag bringt Neuigkeiten"],
      same: ["Ha, wir sitzen im selben Boot", "Schön, dass es nicht nur mir so geht"],
      laugh: ["Ha, schön, dass ich dich zum Lachen bringe", "Dein Lachen nehme ich gern"],
      unsure: ["Kein Problem, das musst du nicht wissen", "Ganz ohne Druck"],
      hum: ["Denkst du noch nach?", "Lass dir Zeit"],
      welcome: ["Lieb von dir", "Sehr nett"],
    },
    offers: [
      "Zufällige Frage: Meer oder Berge?",
      "Erzähl mir eine kleine schöne Sache von heute?",
      "Worauf freust du dich gerade?",
      "Was hörst du in letzter Zeit für Musik?",
    ],
    thread: "Übrigens, du hast gesagt: „{said}“ — wie läuft das?",
  },
  es: {
    meet: {
      nothing: [
        "Un día tranquilo, entonces — también cuentan",
        "Tranquilo, no todos los días traen noticias",
      ],
      same: ["Ja, estamos en el mismo barco", "Qué bien no ser el único"],
      laugh: ["Ja, me alegra sacarte una sonrisa", "Me encanta hacerte reír"],
      unsure: ["No pasa nada, no tienes que saberlo", "Sin ninguna presión"],
      hum: ["¿Lo estás pensando?", "Tómate tu tiempo"],
      welcome: ["Qué amable", "Eres un encanto"],
    },
    offers: [
      "Pregunta al azar: ¿playa o montaña?",
      "¿Me cuentas una cosa buena pequeña de hoy?",
      "¿Qué es algo que te hace ilusión ahora?",
      "¿Qué música estás escuchando últimamente?",
    ],
    thread: "Por cierto, me dijiste «{said}» — ¿qué tal va eso?",
  },
  pt: {
    meet: {
      nothing: ["Um dia calmo, então — também contam", "Tudo bem, nem todos os dias trazem novidades"],
      same: ["Ha, estamos no mesmo barco", "Ainda bem que não sou só eu"],
      laugh: ["Ha, fico contente por te fazer sorrir", "Adoro fazer-te rir"],
      unsure: ["Não faz mal, não tens de saber", "Sem pressão nenhuma"],
      hum: ["Estás a pensar?", "Leva o teu tempo"],
      welcome: ["És um amor", "Que simpático"],
    },
    offers: [
      "Pergunta ao calhas: praia ou montanha?",
      "Conta-me uma coisa boa pequenina de hoje?",
      "O que é que estás ansioso por fazer?",
      "Que música tens ouvido ultimamente?",
    ],
    thread: "A propósito, disseste-me «{said}» — como está a correr?",
  },
  it: {
    meet: {
      nothing: [
        "Una giornata tranquilla, allora — contano anche quelle",
        "Tranquillo, non ogni giorno porta novità",
      ],
      same: ["Ah, siamo sulla stessa barca", "Meno male che non sono l'unico"],
      laugh: ["Ah, sono contento di averti fatto sorridere", "Adoro farti ridere"],
      unsure: ["Non fa niente, non devi saperlo", "Nessuna fretta, davvero"],
      hum: ["Ci stai pensando?", "Prenditi il tuo tempo"],
      welcome: ["Sei gentile", "Che carino"],
    },
    offers: [
      "Domanda a caso: meglio il mare o la montagna?",
      "Raccontami una piccola cosa bella di oggi?",
      "C'è qualcosa che aspetti con ansia?",
      "Che musica ascolti in questo periodo?",
    ],
    thread: "A proposito, mi hai detto «{said}» — come sta andando?",
  },
};
