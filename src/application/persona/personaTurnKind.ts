import { asksTheirTime } from "./personaQuestionRules.ts";

/**
 * What a person's turn asks of the reply. A question about their own life is answered from memory,
 * one about the agent by the agent, an invitation gets a yes or a no, a request gets done.
 */
export type TurnKind =
  | "own-facts"
  | "about-agent"
  | "invitation"
  | "request"
  | "feeling"
  | "compliment"
  | "thanks"
  | "apology"
  | "greeting"
  | "farewell"
  | "small-talk";

export interface TurnSignals {
  isQuestion: boolean;
  /** A question about the agent (how it is, where it is, what it likes…). */
  asksAgent: boolean;
  greeting: boolean;
  farewell: boolean;
  thanks: boolean;
  compliment: boolean;
  apology: boolean;
  feeling: "good" | "bad" | null;
}

/** "What did we talk about?", "where were we?": what this conversation has covered so far. */
export const asksWhatWasSaid =
  /\bwhat (?:did|have) we (?:talk(?:ed)?|chat(?:ted)?|spoke|speak|discuss(?:ed)?|cover(?:ed)?)\b|\bwhat we (?:talked|chatted|spoke|discussed|were (?:talking|chatting|saying)) about\b|\bwhat were we (?:talking|chatting|saying|on) about\b|\bwhere were we\b|\bwhat (?:was|were) we (?:just )?(?:talking|saying|on) about\b/i;

const recallVerbs =
  /\bwhat (?:do|did) you (?:know|remember|learn(?:ed|t)?) about me\b|\bwhat have you (?:learn(?:ed|t)|found out) about me\b|\b(?:remember|recall|forgot|forget|did i (?:tell|mention|say)|have i (?:told|mentioned)|i (?:told|mentioned to) you|do you know (?:my|what|where|when|who|how)|you know my)\b/i;
/** "What's my sister's name?", "Where did I grow up?", "When is my birthday?": the person's own life. */
/** "Is there any food I can't eat?", "Do I have a pet?": a yes/no question about the person's life. */
const ownYesNoQuestion =
  /^\s*(?:is|are|was|were|do|did|does|have|has|am)\b(?:(?!\byou\b)[^?])*\b(?:i|my|me)\b/i;
const ownLifeQuestion =
  /\b(?:what|what's|whats|who|who's|where|when|which|how (?:old|many|long))\b(?:(?!\byou\b)[^?.!])*\b(?:my|mine|i|i'm|me)\b/i;
const aboutAgentFirst =
  /^\s*how old are you\b|^\s*(?:what|how|where|who|when|which|why)?\s*(?:do|did|does|are|were|would|will|can|could|have|is)\s+you\b|\byou (?:think|like|love|prefer|feel)\b|^\s*what(?:'s| is| was) the (?:\w+est|most \w+|best|worst) (?:thing|moment|day|story) (?:that )?(?:ever )?happened (?:at|to|in) (?:work|you|your)\b/i;

const invitation =
  /^\s*(?:do you |you )?(?:want|wanna|fancy|care) (?:to )?(?:grab|get|go|meet|come|hang|have|see|watch|catch|a (?:coffee|drink|walk))\b|\b(?:want to|wanna|would you like to|do you want to|care to)\b[^?.!]*\b(?:with me|together|with us)\b|\byou (?:could|should|must) (?:come|cook|visit|join|teach|show|meet|play|take)\b|\b(?:can|could|shall|should) we (?:meet|hang out|go out|get together|see each other)\b|\b(?:can|could|may) I (?:come (?:and |to )?(?:watch|see|visit|join)|come over|come round|visit you|join you)\b|\b(?:can|could|shall|should) we (?:get|grab|have|go for|eat|share) [^?.!]{1,30}\b(?:together|sometime|some time|one day)\b|\b(?:(?:let'?s|shall we|we (?:should|could|can))(?!\s+(?:talk|chat|speak)\b)|(?:(?:would|will|wanna|want to) you (?:like to |want to )?|do you (?:want to |wanna ))(?:come|join|meet|go|visit|watch|grab|show|get)|you could (?:show|come|join|take|visit)|show me around|come (?:with me|over|visit)|join me|meet (?:up|me)|hang out|grab (?:a )?(?:coffee|drink|dinner|lunch) (?:with me|together)|go (?:out )?together|(?:wanna|want to) (?:come|join|go|meet|watch))\b/i;

const request =
  /\b(?:any|some|got any|have any|give me some) (?:good )?(?:\w+ )?(?:recs?|recommendations?|suggestions?)\b|^\s*(?:(?:so|ok|okay|and)[,!]?\s+)?(?:any|got any|know any) (?:good |great )?[\w -]{2,30}? (?:you'?d|you would|you can|you could) (?:recommend|suggest)\b|\b(?:what|which|where) (?:should|shall|could|can) I (?:cook|eat|make|watch|read|listen to|wear|get|buy|do)\b|^\s*(?:(?:hey|ok|okay|so|please|pls)[,!]?\s+)?(?:tell me (?:a|an|something|about|what)|give me|recommend|suggest|sing(?= (?:me|for|to|us|something|some|a|an|the|that|this|it|your|my)\b)|describe|help me|say something|teach me|cheer me up|make me (?:laugh|smile)|write me|motivate me)\b|\b(?:can|could|would|will) you (?:please )?(?:tell me (?:a|an|something|about)|give me|recommend|suggest|help me|describe|teach me|cheer me up|write me|motivate me|sing(?= (?:me|for|to|us|something|some|a|an|the|that|this|it|your|my)\b)|make me (?:laugh|smile))\b/i;

/** "Tell me about your work", "tell me about yourself": a question about the agent put as a request. */
const tellAboutAgent = /\b(?:tell me (?:more |a bit |a little )?about|describe) (?:your|yourself|you)\b/i;

export function turnKindOf(text: string, signals: TurnSignals): TurnKind {
  if (signals.isQuestion && isOwnFactsQuestion(text)) return "own-facts";
  if (invitation.test(text)) return "invitation";
  if (tellAboutAgent.test(text) && !/\b(?:story|joke)\b/i.test(text)) return "about-agent";
  if (request.test(text)) return "request";
  // "Ok sorry, bad day": said first, the sorry is what the turn is, the bad day why.
  if (signals.apology && !signals.isQuestion && !signals.farewell) return "apology";
  if (signals.feeling) return "feeling";
  if (signals.compliment) return "compliment";
  if (signals.isQuestion && signals.asksAgent) return "about-agent";
  if (signals.thanks) return "thanks";
  if (signals.farewell) return "farewell";
  if (signals.greeting) return "greeting";
  if (signals.isQuestion && aboutAgentFirst.test(text)) return "about-agent";
  return "small-talk";
}

export function isOwnFactsQuestion(text: string): boolean {
  // "What time is it for me?" asks for the person's clock, which the agent knows from their profile.
  if (asksTheirTime.test(text)) return false;
  if (recallVerbs.test(text) || asksWhatWasSaid.test(text)) return true;
  // "What should I cook tonight?" asks for advice, not about something the person told;
  // "how long do I cook the rice?" asks how it is done.
  // "Is it bad if my gums bleed?" asks for advice about it.
  if (
    /\b(?:should|shall|could|can) I\b|\bhow (?:long|often) do I\b|^\s*is it (?:bad|normal|ok(?:ay)?|safe|serious|dangerous) (?:if|that|when|to)\b/i.test(
      text,
    )
  )
    return false;
  if (aboutAgentFirst.test(text) && !/\bdo you know\b/i.test(text)) return false;
  // "Who's getting married again?": asked again, so the person told it before.
  if (
    /^\s*(?:and\s+)?(?:who|what|where|when|which)\b(?:(?!\b(?:you|u|your)\b)[^?])*\bagain\s*\?*\s*$/i.test(
      text,
    )
  )
    return true;
  return ownLifeQuestion.test(text) || ownYesNoQuestion.test(text);
}
