/**
 * Finds a request for a picture of the agent in a chat message. Only pictures of the agent (or of
 * where the agent is) count: "a photo of my cat" is the person sharing, not asking.
 */
export type ImageRequestKind = "selfie" | "appearance" | "scene";

export type ImageRequestDetection =
  | { requested: true; kind: ImageRequestKind; language: string; cue: string }
  | { requested: false };

/** The words for a picture, as a regex source. */
export const PICTURE_WORDS = "(?:selfie|selfy|pic|pix|picture|photo|photograph|snap|snapshot|image)s?";
const requestVerb = "(?:send|show|give|share|post|take|snap|drop|shoot)";
const ofTheAgent =
  /^\s*(?:of\s+)?(?:you|yourself|ya|u|your\s+(?:face|outfit|look|hair|smile|self|eyes|fit)|what you(?:'re| are) (?:wearing|doing|up to))\b/i;
const ofTheScene =
  /^\s*(?:of\s+)?(?:where you are|your\s+(?:(?:food|market|little|new)\s+)?(?:stall|stand|truck|booth|van|cart)|your\s+(?:view|place|room|surroundings|day|city|window|desk|studio|office|workplace|workspace|flat|apartment|house|home|kitchen|garden|balcony|neighbou?rhood|street|lab|boat|workshop|bakery|shop|store|caf[eé]|restaurant|bar|clinic|ward|classroom|atelier|garage|(?:(?:latest|new|newest|last|current|favou?rite)\s+)?(?:mural|painting|artwork|project)s?)|the\s+(?:view|sky|sunset|weather|city|street|beach)(?:\s+(?:there|where you are))?)\b/i;
const ofSomethingElse = /^\s*of\s+(?:me|my|his|her|their|our|a|an|the|this|that|your)\b/i;

const englishRequest = new RegExp(
  `\\b${requestVerb}\\s+(?:me\\s+|us\\s+)?(?:an?\\s+|another\\s+|one\\s+more\\s+|some\\s+|a\\s+few\\s+|(?:an?\\s+)?(?:new|quick|cute|little|recent|nice)\\s+)*${PICTURE_WORDS}\\b`,
  "i",
);
const englishDirect: readonly [RegExp, ImageRequestKind][] = [
  [/\bwhat do you look like\b|\bhow do you look (?:right )?now\b/i, "appearance"],
  [/\b(?:can|could|may) i (?:see|get) (?:you|your face|a (?:selfie|pic|picture|photo))\b/i, "selfie"],
  // "I wish I could see what you're wearing today" asks for a picture without the word; "I'd
  // love to see you again" or "in person" asks to meet.
  [
    /\b(?:let me|i want to|i wanna|i'?d (?:really )?(?:love|like) to|i would (?:really )?(?:love|like) to|i wish i could|if only i could|i'm dying to) see (?:you|your face|your (?:smile|outfit)|what you look like|what you(?:'re| are) wearing)\b(?!,? (?:again|soon|someday|one day|in person|irl|in real life|tomorrow|next))/i,
    "selfie",
  ],
  [/\bshow (?:me )?(?:yourself|your face|what you look like|what you're wearing|where you are)\b/i, "selfie"],
  [/\b(?:selfie|pic|picture|photo) (?:of you|pls|plz|please)\b|\bselfie\s*\?/i, "selfie"],
  [/\bpics? or it didn'?t happen\b/i, "scene"],
  [
    /\b(?:pic|picture|photo|snap)s? of your (?:studio|office|workplace|flat|apartment|house|kitchen|garden|balcony|view|room)\b/i,
    "scene",
  ],
];
const otherLanguages: readonly [string, RegExp][] = [
  [
    "es",
    /\b(?:m[aá]ndame|env[ií]ame|p[aá]same)\s+(?:una\s+)?(?:foto|selfie)|\bme (?:mandas|env[ií]as|pasas|puedes (?:mandar|enviar|pasar))\s+(?:una\s+)?(?:foto|selfie)|\bfoto tuya\b|\bquiero verte\b/i,
  ],
  [
    "fr",
    /\benvoie(?:-moi|\s+moi)?\s+(?:une\s+)?(?:photo|selfie)|\bm'envoyer\s+(?:une\s+)?(?:photo|selfie)|\bphoto de toi\b|\bje veux te voir\b/i,
  ],
  [
    "de",
    // "Kannst du mir ein Bild von deinem Bass schicken?": the verb comes last.
    /\bschick(?:\s+mir)?\s+(?:mal\s+)?(?:ein\s+)?(?:foto|bild|selfie)|\b(?:kannst|k[öo]nntest|magst|willst) du mir\s+(?:mal\s+)?(?:ein(?:e|en)?\s+)?(?:foto|bild|selfie)\b[^?.!]{0,40}\b(?:schicken|senden|zeigen)\b|\b(?:foto|bild) von dir\b/i,
  ],
  ["it", /\bmandami\s+(?:una\s+)?(?:foto|selfie)|\bfoto di te\b|\bvoglio vederti\b/i],
  ["pt", /\b(?:me\s+)?manda(?:-me)?\s+(?:uma\s+)?(?:foto|selfie)|\bfoto sua\b|\bquero te ver\b/i],
  ["ru", /(?:пришли|скинь|отправь)\s+(?:мне\s+)?(?:фото|фотку|селфи)|фото себя/i],
];

export function detectImageRequest(message: string): ImageRequestDetection {
  const request = englishRequest.exec(message);
  if (request) {
    const after = message.slice(request.index + request[0].length);
    const cue = request[0];
    if (ofTheScene.test(after)) return { requested: true, kind: "scene", language: "en", cue };
    if (ofTheAgent.test(after)) return { requested: true, kind: "selfie", language: "en", cue };
    if (!ofSomethingElse.test(after) && !sharingNotAsking(message, request.index))
      return { requested: true, kind: "selfie", language: "en", cue };
  }
  for (const [pattern, kind] of englishDirect) {
    const match = pattern.exec(message);
    if (match) return { requested: true, kind, language: "en", cue: match[0] };
  }
  for (const [language, pattern] of otherLanguages) {
    const match = pattern.exec(message);
    if (match) return { requested: true, kind: "selfie", language, cue: match[0] };
  }
  return { requested: false };
}

/** "I'll send you a pic", "I took a photo": the person is the one taking or sending. */
function sharingNotAsking(message: string, index: number): boolean {
  const before = message.slice(Math.max(0, index - 20), index);
  return /\b(?:i(?:'ll| will)?|i'm gonna|let me|we)\s*$/i.test(before);
}
