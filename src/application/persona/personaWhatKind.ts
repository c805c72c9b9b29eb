import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { fixedForAgent, type SeededRandom } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * "What kind of game?", "what kind?" after the agent spoke of games, music, books or food: the
 * kind it goes for, from its own interests where one is of that kind, else one fixed for the
 * agent, so that asking again gets the same answer.
 */

interface Kinds {
  /** The words that name the thing asked about. */
  names: RegExp;
  /** Kinds of it, as "mostly …" would say them. */
  kinds: readonly string[];
  /** What the agent does with it: "I play chess now and then". */
  verb: string;
}

const KINDS: readonly Kinds[] = [
  {
    names: /\b(?:games?|gaming)\b/i,
    kinds: ["board games", "card games", "chess", "word games", "old video games"],
    verb: "play",
  },
  {
    names: /\b(?:music|songs?|bands?|records?|vinyl)\b/i,
    kinds: ["jazz", "fado", "folk", "old soul", "indie rock", "classical"],
    verb: "listen to",
  },
  {
    names: /\b(?:books?|novels?|reading|reads?)\b/i,
    kinds: ["detective novels", "old novels", "poetry", "travel books", "biographies"],
    verb: "read",
  },
  {
    names: /\b(?:films?|movies?|shows?|series|tv)\b/i,
    kinds: ["old black-and-white films", "documentaries", "comedies", "slow thrillers"],
    verb: "watch",
  },
  {
    names: /\b(?:food|dish(?:es)?|cooking|cook|cuisine|meals?)\b/i,
    kinds: ["simple home food", "anything with lots of garlic", "soups and stews", "fresh fish"],
    verb: "cook",
  },
  {
    names: /\b(?:sports?|exercise|workouts?)\b/i,
    kinds: ["long walks", "a swim", "a bike ride", "a run by the water"],
    verb: "go for",
  },
];

const ASKS_KIND =
  /^\s*(?:(?:and|so|oh|ok|okay|ooh|hmm+),?\s+)*(?:what|which) (?:kind|sort|type)s?(?: of (\p{L}+(?: \p{L}+)?))?(?:\s+(?:is it|was it|are they|do (?:you|u) (?:like|play|listen to|read|watch|eat|cook|make)))?\s*[?!.]*\s*$/iu;

/**
 * The kind of what the agent or the person just spoke of, when the message asks "what kind
 * (of …)?"; null when it asks no such thing, or names nothing the agent has kinds of.
 */
export function answerWhatKind(context: ReplyContext, random: SeededRandom): string[] | null {
  const asked = ASKS_KIND.exec(context.personMessage);
  if (!asked) return null;
  // What the person asked about names the thing before what the agent said of it.
  const lastTwo = context.recentMessages.slice(-2).map((m) => m.text);
  const topic = [asked[1] ?? "", ...lastTwo].find((text) => KINDS.some(({ names }) => names.test(text)));
  const kinds = topic === undefined ? null : KINDS.find(({ names }) => names.test(topic));
  if (!kinds) return null;
  const interests = context.agent.interests.map((interest) => interest.toLowerCase());
  const own =
    interests.flatMap((interest) => kinds.kinds.filter((kind) => interest.includes(kind)))[0] ??
    interests.find((interest) => kinds.names.test(interest) && interest.split(/\s+/).length > 1);
  const kind = own ?? fixedForAgent(context, `what kind: ${kinds.kinds[0]}`).pick(kinds.kinds);
  // After "not really", the kind is the little it does do.
  const denied = /^(?:not really|no\b|not much)/i.test(
    context.recentMessages.findLast((m) => m.author === "agent")?.text ?? "",
  );
  // "What kind of book is it?" asks of the one thing it named.
  const one = /\b(?:is it|was it)\b/i.test(context.personMessage);
  return [
    one
      ? `It's ${/[^s]s$/.test(kind) ? withIndefiniteArticle(kind.slice(0, -1)) : kind}, really`
      : denied
        ? `Nothing serious — I ${kinds.verb} ${kind} now and then`
        : `${capitalize(kind)}, mostly`,
    random.pick(["What about you?", "What do you go for?"]),
  ];
}
