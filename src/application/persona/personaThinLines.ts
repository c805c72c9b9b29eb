import type { ReplyContext } from "../prompt/replyContext.ts";
import { aboutThePerson, personNames } from "./personaAddressing.ts";
import { conversationLanguage } from "./personaConversationLanguage.ts";
import { farewell, greeting, thanks } from "./personaGreetingWords.ts";
import { properlyCapitalised } from "./personaProperNames.ts";
import { seededRandom } from "./personaRandom.ts";
import { readMessage } from "./personaReading.ts";
import { THIN_LINE_WORDS, THIN_LINES, type ThinLine } from "./personaThinLineWords.ts";

export function thinLineOf(text: string): ThinLine | null {
  const bare = text
    .trim()
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[?!.…,~\s]+$/u, "")
    .replace(/^[¡¿]+/u, "");
  return THIN_LINES.find(([, pattern]) => pattern.test(bare))?.[0] ?? null;
}

/**
 * "nothing much", "same", "haha", "idk", "hmm": a line that gives the agent nothing to answer. It
 * is met in its own kind and the agent carries the talk: back to what the person last told, or an
 * offer of something to talk about. A line said in one of its last replies is not said again.
 */
export function answerThinLine(context: ReplyContext, seed: number): string | null {
  const thin = thinLineOf(context.personMessage);
  // A sleepy or busy agent answers in its own few words; a courtesy is still returned at work.
  const mode = context.availability.replyMode;
  if (!thin || !(mode === "normal" || (mode === "brief" && thin === "welcome"))) return null;
  const language = conversationLanguage(context);
  const words = THIN_LINE_WORDS[language];
  const random = seededRandom(seed, "thin", context.agent.name, context.personMessage);
  const spoken = context.recentMessages.flatMap((m) => (m.author === "agent" ? [m.text] : []));
  const last = spoken.at(-1) ?? "";
  const unsaid = (lines: readonly string[]) =>
    lines.filter((line) => !spoken.some((text) => text.includes(line)));
  // Once every line has been said, any but the last reply's will do.
  const fresh = (lines: readonly string[]) => {
    const notLast = lines.filter((line) => !last.includes(line));
    const left = unsaid(lines);
    return random.pick(left.length > 0 ? left : notLast.length > 0 ? notLast : lines);
  };
  const meet = fresh(words.meet[thin]);
  const told = thin === "welcome" ? toldInOwnWords(context, words.thread) : null;
  const thread = (language === "en" ? openThread(context) : null) ?? told;
  const carry = thread && unsaid([thread]).length > 0 ? thread : fresh(words.offers);
  return `${meet}${/[?!]$/.test(meet) ? "" : "."} ${carry}`;
}

const MIN_THREAD_WORDS = 4;

/** The last thing the person told of their own life, asked about again: "How's that going?" */
function openThread(context: ReplyContext): string | null {
  const told = context.recentMessages.findLast(
    (m) =>
      m.author === "person" &&
      !m.superseded &&
      !m.text.includes("?") &&
      m.text.split(/\s+/).length >= MIN_THREAD_WORDS &&
      /^\s*(?:I|I'm|I've|I'll|we're|we've|my)\b/i.test(m.text) &&
      readMessage(m.text).kind === "small-talk",
  )?.text;
  if (!told) return null;
  const said = properlyCapitalised(aboutThePerson(told, personNames(context)));
  return `Earlier you said ${said} — how's that going?`;
}

/** The last thing the person told, in a language read by its words alone: given back as said. */
function toldInOwnWords(context: ReplyContext, thread: string): string | null {
  const told = context.recentMessages.findLast(
    (m) =>
      m.author === "person" &&
      !m.superseded &&
      !m.text.includes("?") &&
      m.text.trim().split(/\s+/).length >= 3 &&
      !thinLineOf(m.text) &&
      !greeting.test(m.text) &&
      !thanks.test(m.text) &&
      !farewell.test(m.text),
  )?.text;
  return told ? thread.replace("{said}", told.trim().replace(/[\s.!]+$/u, "")) : null;
}
