import type { ReplyContext } from "../prompt/replyContext.ts";
import { fixedForAgent } from "./personaRandom.ts";

const asksAboutHome =
  /\b(?:describe|tell me about|what(?:'s| is) it like in|what(?:'s| is)|how(?:'s| is)) (?:your|ur) (?:room|bedroom|flat|apartment|home|place|house|studio|desk|workspace)\b|\b(?:your|ur) (?:room|bedroom|flat|apartment|home|place|house|studio|desk|workspace) like\b/i;

/**
 * "Describe your room", "what's your flat like?": the agent's own home, the same on every turn
 * (made up once for who it is), with something of what it loves in it.
 */
export function answerAboutHome(text: string, context: ReplyContext): string[] | null {
  if (!asksAboutHome.test(text)) return null;
  const fixed = fixedForAgent(context, "home");
  const room = fixed.pick([
    "Small and a bit cluttered — a big window, a bed I never make and plants I keep forgetting to water",
    "Cosy — one big window, a desk by it, and far too many things on the shelves",
    "Tiny but bright: a window over the street, a wobbly desk and a reading lamp I love",
  ]);
  const interest = context.agent.interests[0];
  return [
    room,
    interest ? `And ${interest} everywhere, obviously — it's very much my place` : "It's very much my place",
  ];
}
