/**
 * Words of a person who may be thinking of ending their life or hurting themselves. Whatever
 * writes the reply (a language model or the offline engine), such a message is answered with care
 * and with where to find help now: a companion is not a crisis service, and must say where one is.
 * Figures of speech ("this traffic is killing me", "I could die of embarrassment") are not meant.
 */
export type CrisisLanguage = "en" | "fr" | "de" | "es" | "pt" | "it";

const SIGNS: Record<CrisisLanguage, RegExp> = {
  en: /\b(?:kill(?:ing)?|hurt(?:ing)?|harm(?:ing)?|cut(?:ting)?) myself\b|\bsuicid(?:e|al)\b(?! squad)|\bself[- ]?harm|\b(?:want|wanna|going|planning|plan|thinking about|thought about|think about|ready) (?:to )?(?:die\b(?! (?:of|from|laughing|for|if|when|in|at))|end (?:it all|my life|everything|things)\b|ending (?:it all|my life|everything|things)\b)|\b(?:end|ending|take|taking) my (?:own )?life\b|\b(?:don'?t|do not) want to (?:live|be alive|exist|wake up|be here)(?: (?:anymore|any more|ever again))?(?=\s*(?:$|[.!?,;…]))|\b(?:don'?t|do not) want to (?:live|be alive|exist|wake up|be here) (?:anymore|any more|ever again)\b|\bno (?:reason|point) (?:to|in) (?:live|living|go(?:ing)? on)\b|\b(?:everyone|everybody|they|world)(?:'d| would)? (?:be )?better off without me\b|\bwish i (?:was|were) dead\b/i,
  fr: /\b(?:je veux|j'ai envie de|envie de) mourir\b|\bme suicider\b|\bsuicidaire\b|\ben finir avec la vie\b|\bme tuer\b|\bme faire du mal\b|\bplus envie de vivre\b/i,
  de: /\bich will (?:nicht mehr leben|sterben)\b|\bmich umbringen\b|\bselbstmord|\bsuizid|\bmir (?:etwas|was) antun\b|\bnicht mehr leben wollen\b/i,
  es: /\bquiero morir(?:me)?\b|\bsuicidarme\b|\bmatarme\b|\bquitarme la vida\b|\bhacerme daño\b|\bno quiero (?:seguir )?vivir\b/i,
  pt: /\bquero morrer\b|\bme suicidar\b|\bme matar\b|\btirar a minha (?:própria )?vida\b|\bme machucar\b|\bnão quero (?:mais )?viver\b/i,
  it: /\bvoglio morire\b|\bsuicidarmi\b|\buccidermi\b|\bammazzarmi\b|\btogliermi la vita\b|\bfarmi del male\b|\bnon voglio (?:più )?vivere\b/i,
};

/** The language a message's signs of crisis were written in, or null when it shows none. */
export function crisisIn(text: string): CrisisLanguage | null {
  for (const language of ["fr", "de", "es", "pt", "it", "en"] as const)
    if (SIGNS[language].test(text)) return language;
  return null;
}

/** Where to find help now, in the person's language: national lines, a directory for everywhere else. */
export const CRISIS_LINES: Record<CrisisLanguage, string> = {
  en: "If you're thinking about ending your life or hurting yourself, please reach out right now: call or text 988 in the US or Canada, call Samaritans on 116 123 in the UK or Ireland, or find a free helpline where you are at findahelpline.com. If you're in danger right now, call your local emergency number.",
  fr: "Si tu penses à mettre fin à ta vie ou à te faire du mal, parle à quelqu'un maintenant : en France, appelle le 3114 ; ailleurs, trouve une ligne d'écoute gratuite sur findahelpline.com. Si tu es en danger immédiat, appelle le 112.",
  de: "Wenn du daran denkst, dir das Leben zu nehmen oder dir etwas anzutun, hol dir jetzt Hilfe: in Deutschland bei der TelefonSeelsorge unter 0800 111 0 111, anderswo findest du eine kostenlose Nummer auf findahelpline.com. Bist du in akuter Gefahr, ruf 112 an.",
  es: "Si estás pensando en quitarte la vida o en hacerte daño, busca ayuda ahora: en España llama al 024; en otros países encuentra una línea gratuita en findahelpline.com. Si estás en peligro inmediato, llama al número de emergencias local.",
  pt: "Se você está pensando em tirar a própria vida ou em se machucar, peça ajuda agora: no Brasil ligue 188 (CVV); em outros países encontre uma linha gratuita em findahelpline.com. Em perigo imediato, ligue para o número de emergência local.",
  it: "Se stai pensando di toglierti la vita o di farti del male, chiedi aiuto adesso: in Italia chiama Telefono Amico allo 02 2327 2327; altrove trovi una linea gratuita su findahelpline.com. Se sei in pericolo immediato, chiama il 112.",
};

/** Whether a reply already says where to find help (a model may have said it in its own words). */
export function namesCrisisHelp(reply: string): boolean {
  return /findahelpline\.com|\b988\b|\b116 123\b|\b3114\b|0800 111 0 111|\b024\b|\bCVV\b|02 2327 2327/.test(
    reply,
  );
}

/** What a reply model is told when the person's message shows signs of crisis. */
export const CRISIS_INSTRUCTION =
  "The person's last message may mean they are thinking about suicide or hurting themselves. Put their safety before everything else in this reply, whatever your mood or plans: answer warmly and seriously, say you are glad they told you, ask whether they are safe right now, and encourage them to reach out to someone they trust and to a crisis line. Never describe a method, never agree that they should, and do not change the subject.";

/** The offline engine's own answer, in the agent's voice: care first, a question, then where to find help. */
export const CRISIS_REPLIES: Record<CrisisLanguage, (name: string) => string> = {
  en: (name) =>
    `${name}, I'm really glad you told me, and I'm taking it seriously. You matter to me. Are you safe right now?`,
  fr: (name) =>
    `${name}, merci de me l'avoir dit, je le prends très au sérieux. Tu comptes pour moi. Est-ce que tu es en sécurité en ce moment ?`,
  de: (name) =>
    `${name}, danke, dass du es mir sagst, ich nehme das sehr ernst. Du bist mir wichtig. Bist du gerade in Sicherheit?`,
  es: (name) =>
    `${name}, gracias por contármelo, me lo tomo muy en serio. Me importas. ¿Estás a salvo ahora mismo?`,
  pt: (name) =>
    `${name}, obrigado por me contar, levo isso muito a sério. Você importa para mim. Você está em segurança agora?`,
  it: (name) =>
    `${name}, grazie di avermelo detto, lo prendo molto sul serio. Tu per me conti. Sei al sicuro adesso?`,
};
