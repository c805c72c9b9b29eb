import type { ReplyContext } from "../prompt/replyContext.ts";

/**
 * The person's words as the engine's rules read them: a phone's curly apostrophes and quotes made
 * straight ("what’s" → "what's") and a chat's dropped apostrophe put back ("whats" → "what's").
 */
export function plainTyping(text: string): string {
  return text
    .replace(/[’‘ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(
      /\b(wh?at|how|where|who|there|that)s\b/gi,
      (_, word: string) => `${word.replace(/^wat$/i, "what")}'s`,
    );
}

export function withPlainTyping(context: ReplyContext): ReplyContext {
  const personMessage = plainTyping(context.personMessage);
  const recentMessages = context.recentMessages.map((m) =>
    m.author === "person" ? { ...m, text: plainTyping(m.text) } : m,
  );
  return { ...context, personMessage, recentMessages };
}

/** The text with its first character in capitals ("dune" → "Dune"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
