/** A text as its words alone: lower case, every run of other characters one space, trimmed. */
export function plainWording(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
