import { PICTURE_WORDS } from "./detectImageRequest.ts";

/**
 * What the person asked the picture to show, beyond "a selfie": the `prompt` of `requestImage`
 * ("Send me a picture: at the tram stop") or the words after the ask in a chat message ("send me a
 * selfie at the beach", "a pic with your coffee"). `place` is set when the wish is where to be.
 */
export interface PictureWish {
  text: string;
  place: string | null;
}

/** How `requestImage` words an ask with a prompt, which `pictureWish` reads back. */
export const PICTURE_REQUEST_PREFIX = "Send me a picture: ";

const MAX_WISH = 120;
const afterTheAsk = new RegExp(
  `\\b${PICTURE_WORDS}\\s+((?:of you\\s+)?(?:at|in|on|by|from|with|wearing|holding|while|doing|showing|in front of)\\b[^.!?\\n]*)`,
  "i",
);
const placeFirst = /^(?:at|in|on|by|from|in front of)\b/i;
const politeEnd = /[\s,]+(?:please|pls|plz|if you can|for me|now|right now|today)\s*$/i;

export function pictureWish(personMessage: string): PictureWish | null {
  const asked = personMessage.trim();
  const raw = asked.toLowerCase().startsWith(PICTURE_REQUEST_PREFIX.trim().toLowerCase())
    ? asked.slice(PICTURE_REQUEST_PREFIX.trim().length)
    : afterTheAsk.exec(personMessage)?.[1];
  if (!raw) return null;
  let text = raw
    .replace(/[\p{Cc}]+/gu, " ")
    .replace(/\s+/g, " ")
    .replace(/^of you\s+/i, "")
    .trim();
  while (politeEnd.test(text)) text = text.replace(politeEnd, "");
  text = text.replace(/[\s.,!?]+$/, "");
  if (text === "") return null;
  if ([...text].length > MAX_WISH)
    text = [...text]
      .slice(0, MAX_WISH)
      .join("")
      .replace(/\s+\S*$/, "");
  return { text, place: placeFirst.test(text) ? text : null };
}
