import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { isPluralPick, recommendation } from "./personaFavourites.ts";
import { loreAnswer } from "./personaLore.ts";
import { pastimeOf } from "./personaPastimes.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";

/** A yes (or a gentle "not tonight") to a plan or an invitation, naming what was proposed. */
export function answerInvitation(text: string, context: ReplyContext, random: SeededRandom): string[] {
  const city = context.identity.homeCity;
  const place = /\b(?:visit|to|in|around)\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/u.exec(text)?.[1];
  const interest = firstInterest(context, random);
  if (place && place.toLowerCase() === city.toLowerCase())
    return [
      random.pick(["I'd love that", "Yes, please", "Deal"]),
      `I'd show you my favourite corners of ${city}, and ${interest} if you're up for it`,
    ];
  if (context.availability.status === "busy" || context.availability.replyMode !== "normal")
    return ["I'd like that, just not right now", "Ask me again when I'm free?"];
  // "Can I come and watch you work?": the person asks to come to the agent.
  if (/\b(?:can|could|may) I (?:come|visit)\b/i.test(text))
    return [
      random.pick(["I'd love that", "Yes, please do"]),
      "Come by one morning — I'll show you how it all works, and maybe even let you have a go",
    ];
  const plan = /\b(watch|grab|go|meet|visit|try|cook|walk|see|play|teach|show)\b([^?.!]*)/i.exec(text);
  return [
    random.pick(["I'd love that", "Count me in", "Yes, let's"]),
    plan
      ? // "Would you show us around?": the person's "us" is "you" to the agent.
        `I'm in for ${gerund(plan[1]!.toLowerCase())}${towardPerson(plan[2]!)
          .replace(/\bus\b/gi, "you")
          .trimEnd()}`
      : random.pick(["Tell me when and I'll be there", "It's a plan, then"]),
  ];
}

function gerund(verb: string): string {
  const irregular: Record<string, string> = { see: "seeing", grab: "grabbing", go: "going" };
  return irregular[verb] ?? `${verb.replace(/e$/, "")}ing`;
}

const jokes = [
  "Why did the scarecrow win an award? Because he was outstanding in his field",
  "I told my plants a joke once. They didn't laugh, but they did grow on me",
  "What do you call a fake noodle? An impasta",
  "Why did the eggs give up telling jokes? They'd only crack each other up",
];

/** Does what the person asked: a joke, a recommendation, a story, some cheering up. */
export function answerRequest(text: string, context: ReplyContext, random: SeededRandom): string[] {
  const interest = firstInterest(context, random);
  const city = context.identity.homeCity;
  // The lead-in and the joke are one sentence: a short reply that keeps only the first still tells it.
  if (/\b(?:joke|laugh|funny)\b/i.test(text)) return [`Okay, here's one: ${random.pick(jokes)}`];
  if (/\b(?:should|shall|could|can) i (?:cook|eat|make)\b/i.test(text))
    return [
      `Okay, my vote: ${random.pick(["a big pot of pasta with garlic and lemon", "a quick stir-fry with whatever's in the fridge", "a proper omelette and some good bread"])}`,
      "Easy, quick, and hard to get wrong",
    ];
  if (/\b(?:should|shall|could|can) i wear\b/i.test(text))
    return [
      "Something you feel good in but can still move in — smart, not stiff",
      random.pick(["You'll do better feeling like yourself", "And comfy shoes, always"]),
    ];
  if (
    /\b(?:recommend\w*|suggest\w*|recs?|should i (?:watch|read|listen|try)|(?:should|shall|could|can) i (?:watch|read|listen to))\b/i.test(
      text,
    )
  ) {
    const asked = withKindNamed(text);
    const pick = recommendation(asked, context, random);
    // "A crime novel" keeps its genre: the pick is said to be one.
    const kind = (GENRE_KIND_NAMED.exec(asked)?.[0] ?? KIND_NAMED.exec(asked)?.[1])?.toLowerCase();
    if (pick)
      return [
        // "Recommend me a film" is answered with a film, said to be one.
        kind && !isPluralPick(pick)
          ? `Okay, for ${withIndefiniteArticle(kind)}, my pick would be ${pick}`
          : `Okay, my pick would be ${pick}`,
        random.pick([
          isPluralPick(pick)
            ? "They're among my favourites, and I think you'd like them too"
            : "It's one of my favourites, and I think you'd like it too",
          // A book is vouched for by having read it.
          /\b(?:books?|novels?|read)\b/i.test(text) && !isPluralPick(pick)
            ? "I've read it more than once — trust me on this one"
            : "Trust me on this one",
        ]),
      ];
    const thing = /\b(?:book|film|movie|show|song|music|album|podcast|recipe|place|restaurant)s?\b/i.exec(
      asked,
    )?.[0];
    return [
      `Okay, I'd pick ${thing ? `a ${thing.toLowerCase().replace(/s$/, "")}` : "something"} about ${interest}`,
      "It's what I'd choose tonight, and I think you'd like it too",
    ];
  }
  if (/\bcheer me up|make me smile\b/i.test(text))
    return [
      `Here's a picture for you: me, failing at ${pastimeOf(context.agent.interests, random, "cooking")} and laughing about it`,
      "You're doing better than you think, you know",
    ];
  if (/\b(?:tell me (?:more )?about|describe|what do you know about)\b/i.test(text)) {
    const known = loreAnswer(text, context.lore);
    if (known) return [known.replace(/[.!?]$/, "")];
  }
  if (/\b(?:story|tell me about|describe)\b/i.test(text))
    return [
      `Okay, a little story from ${city}: this week I tried ${interest} with a friend, it went wrong in the best way, and we laughed all the way home`,
    ];
  if (/\bsing\b/i.test(text))
    return [
      `Okay, but no laughing: 🎵 ${random.pick([`Oh ${city}, your evening light, keeps me humming half the night`, `La la la, a song for you, from ${city} with a sky so blue`])} 🎵 — and that's as far as my singing goes`,
    ];
  if (/\bhelp me\b/i.test(text)) {
    if (/\b(?:decide|choose|pick|choice|options?|between|whether|which)\b/i.test(text))
      return ["Of course I'll help", "Tell me the options and what's pulling you each way"];
    const task = /\bhelp me with ((?:my |the |this |a |an )?[\p{L} -]{2,40}?)\s*[?.!]*$/iu.exec(text)?.[1];
    return [
      "Of course I'll help",
      task
        ? `Tell me where you're stuck with ${towardPerson(task)}`
        : "Tell me what you need and where you're stuck",
    ];
  }
  return ["Sure, I can do that", `Here's what I'd say: go with your gut, like I do with ${interest}`];
}

const KIND_NAMED = /\b(book|novel|film|movie|show|series|album|song)s?\b/i;
const GENRE_KIND_NAMED =
  /\b(?:crime|mystery|detective|sci-fi|fantasy|horror|scary|romantic|funny|animated) (?:book|novel|film|movie)(?=s?\b)/i;

/** "Something to watch" asks for a film, "something to read" for a book, said so for the rules that pick. */
function withKindNamed(text: string): string {
  if (KIND_NAMED.test(text)) return text;
  if (/\bwatch\b/i.test(text)) return `${text} (a film)`;
  if (/\bread\b/i.test(text)) return `${text} (a book)`;
  if (/\blisten to\b/i.test(text)) return `${text} (an album)`;
  return text;
}

function firstInterest(context: ReplyContext, random: SeededRandom): string {
  return context.agent.interests.length ? random.pick(context.agent.interests) : "long walks";
}
