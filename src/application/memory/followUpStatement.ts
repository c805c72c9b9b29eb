import nlp from "compromise";

/** What came just before a message: the person's last message and the agent's reply to it. */
export interface PreviousTurn {
  person?: string | null;
  agent?: string | null;
}

// "It's chemistry", "it's about the Romans", "It's on Friday", "that's in Leeds".
const ANAPHORIC =
  /^(?:(?:oh|well|yeah|yes|yep|so|um|hmm|ah|haha|lol)[,!.]?\s+)*(?:it's|it is|its|it'll be|it will be|that's|that is|they're|they are)\s+(?:(about|on|in|at|for|with|by|from|called)\s+)?(.+?)[.!]*$/i;
// Things people mention and are then asked about ("what's it on?", "where is it?").
const SUBJECTS =
  "exam|exams|test|interview|appointment|surgery|operation|flight|wedding|presentation|concert|recital|match|game|trip|holiday|vacation|party|meeting|audition|race|marathon|deadline|class|course|lecture|essay|paper|thesis|dissertation|project|book|novel|film|movie|show|series|podcast|song|album|band|job|shift|date|gig|talk|quiz|assignment|homework|module|degree|competition|tournament|recipe|dish|plan|idea|dream|play";
const SUBJECT_NOUN = new RegExp(
  `\\b(?:my|our|an?|the|this|that|some)\\s+(?:[\\w-]+\\s+){0,2}(${SUBJECTS})\\b`,
  "i",
);
// A topic said with no preposition ("It's chemistry") reads as what these are about.
const TOPICAL =
  /^(?:exam|exams|test|class|course|lecture|talk|presentation|essay|paper|thesis|dissertation|project|book|novel|film|movie|show|series|podcast|quiz|assignment|homework|module|degree|interview)$/;
const NOT_A_TOPIC =
  /^(?:fine|ok|okay|alright|good|great|bad|hard|easy|tough|fun|boring|scary|nothing|nothing much|whatever|true|right|fair|so|too|not|very|really|just|going|been|gonna|a lot|over|done|late|early|weird|funny|nice|cool|amazing|awesome|terrible|horrible|crazy|annoying)\b/i;

/** Whether the message could be a follow-up at all: only then is what came before worth reading. */
export function mayBeFollowUp(text: string): boolean {
  return !text.includes("?") && ANAPHORIC.test(text.trim());
}

/**
 * A short statement that only makes sense after what came before, spelt out: the person said
 * "I have an exam tomorrow", the agent asked about it, and "It's chemistry" means "My exam is
 * about chemistry". Null when the message is not such a follow-up or nothing before names what
 * "it" is.
 */
export function resolveFollowUp(text: string, previous: PreviousTurn): string | null {
  const match = ANAPHORIC.exec(text.trim());
  if (!match || text.includes("?")) return null;
  const preposition = match[1]?.toLowerCase() ?? null;
  const complement = match[2]!.trim();
  if (!isTopic(complement)) return null;
  // "It's 3am": the time, unless said as when the thing is ("it's at 3pm").
  if (preposition === null && /^\d{1,2}(?::\d\d)?\s*(?:am|pm|o'clock)\b/i.test(complement)) return null;
  const subject = subjectOf(previous.person) ?? subjectOf(previous.agent, true);
  if (!subject) return null;
  const link =
    preposition === null
      ? TOPICAL.test(subject)
        ? "about "
        : ""
      : preposition === "called"
        ? "called "
        : `${preposition} `;
  return `My ${subject} is ${link}${complement}`;
}

/** "I have an exam tomorrow" → "exam"; in the agent's words only "your …" counts. */
function subjectOf(text: string | null | undefined, agentSpeaking = false): string | null {
  if (!text) return null;
  const source = agentSpeaking ? (/\byour\s+(?:[\w-]+\s+){0,2}?[\w-]+/i.exec(text)?.[0] ?? "") : text;
  const named = SUBJECT_NOUN.exec(agentSpeaking ? source.replace(/^your/i, "my") : source);
  return named ? named[1]!.toLowerCase() : null;
}

function isTopic(complement: string): boolean {
  if (complement.length === 0 || complement.length > 60 || NOT_A_TOPIC.test(complement)) return false;
  if (/\b(?:I|I'm|you|we|he|she|they)\b|^(?:my|your|our|his|her|their)\b/i.test(complement)) return false;
  // "It's cold here", "it's over now": where and when they are, not about what came before.
  if (/\b(?:here|now)\b/i.test(complement)) return false;
  const phrase = nlp(complement);
  // "hard", "so stressful": how it is, not what it is.
  if (phrase.has("^#Adjective$") || phrase.has("^#Adverb #Adjective$")) return false;
  return phrase.has("(#Noun|#Value|#Date|#ProperNoun)");
}

/** The turn before each of a conversation's messages: the person's last message and the agent's reply after it. */
export function previousTurnAt(
  messages: readonly { author: "person" | "agent"; text: string }[],
  index: number,
): PreviousTurn {
  let agent: string | null = null;
  for (let i = index - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.author === "agent") agent ??= message.text;
    else return { person: message.text, agent };
  }
  return { person: null, agent };
}
