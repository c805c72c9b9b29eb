/**
 * "Let's talk about music", "can we talk about books?", "tell me about hiking": the person opens a
 * topic. It is not a plan to meet, nor a request for a story; it asks for the agent's own take on
 * the thing, read as the question that asks for it.
 */

/** "Let's talk about …", "can we chat about …": the thing opened, in the first group. */
const talkAbout =
  /^\s*(?:(?:ok(?:ay)?|so|hey|well|alright|hmm+)[,!.]?\s+)?(?:let'?s|lets|can we|could we|shall we|should we|we (?:should|could|can)|(?:do you )?(?:wanna|want to)|i (?:want|wanna|'d like|would like) to)\s+(?:talk|chat|speak)\s+about\s+(\S[^?.!]{1,40}?)\s*[?.!]*\s*$/i;
/**
 * "Tell me about hiking": a plain thing, in lower case and without an article, so "tell me about
 * the storm" (a story) and "tell me about Lena" (someone told of) are left to their own readings.
 */
const tellAbout =
  /^\s*(?:(?:ok(?:ay)?|so|hey|well|alright)[,!.]?\s+)?(?:(?:can|could|would|will) you\s+)?tell me about\s+(?!(?:the|a|an|this|that|these|those)\s)([a-z][a-z' -]{1,30}?)\s*[?.!]*\s*$/;

/** Broad things the agent has kinds of ("music" → "jazz, mostly"), asked as "what kind of … do you like?". */
const broadThing =
  /^(?:music|songs|bands|books|novels|reading|films|movies|tv|shows|series|games|gaming|food|cooking|sports?)$/i;

/** What the opened topic asks, or null when the message opens none it can take up this way. */
export function topicOpenedAs(said: string, interests: readonly string[]): string | null {
  const thing = (
    talkAbout.exec(said)?.[1] ?? tellAbout.exec(said.replace(/^\s*\w/, (c) => c.toLowerCase()))?.[1]
  )?.trim();
  if (!thing) return null;
  // "Tell me about yourself", "let's talk about my day", "…about a time you…": other turns.
  const other =
    /^(?:you|yourself|u|me|myself|us|it|this|that|what|how|why|when|where|who|something|my|our|his|her|their|him|them|a|an|one|any|the (?:time|day|night|story|moment|last|first|best|worst))\b/i;
  if (other.test(thing)) return null;
  if (/^(?:your|ur)\b/i.test(thing)) return `tell me about ${thing.replace(/^ur\b/i, "your")}`;
  const bare = thing.replace(/^(?:the|some)\s+/i, "");
  if (broadThing.test(bare)) return `what kind of ${bare.toLowerCase()} do you like?`;
  // One of its own interests gets its love of it; anything else its opinion.
  const own = interests.some((interest) => interest.toLowerCase() === bare.toLowerCase());
  return own ? `do you like ${bare.toLowerCase()}?` : `what do you think about ${bare.toLowerCase()}?`;
}
