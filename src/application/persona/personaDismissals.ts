import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

const dismissal =
  /^\s*(?:(?:whatever|meh|nah|eh|honestly|tbh|lol|ugh|ok|okay|sorry but|no offense but)[,.!]*\s+)*(?:i think |imo |tbh )?([\p{L}' -]{2,30}?) (?:is|are|'s) (?:just |so |kinda |kind of |really |pretty |totally |honestly |literally )*(?:dumb|stupid|boring|lame|overrated|noise|pointless|a waste of time|for nerds|trash|garbage|cringe|silly|useless)\b[^?]*$/iu;

/**
 * "Whatever, chess is dumb": the person waves off something. About the agent's own love, it stands
 * up for it in good humour; about anything else it lets them have their view. Null for anything else.
 */
export function answerDismissal(context: ReplyContext, random: SeededRandom): string[] | null {
  const thing = dismissal.exec(context.personMessage)?.[1]?.trim().toLowerCase();
  // "My buddy said Elden Ring is overrated" reports someone else's view, which is theirs to weigh.
  if (
    !thing ||
    thing.split(" ").length > 3 ||
    /^(?:this|that|it|you|everything|life|today|my \w+)$/.test(thing)
  )
    return null;
  const loved = context.agent.interests.find((interest) => {
    const own = interest.toLowerCase();
    return (
      own.includes(thing) ||
      thing.includes(own) ||
      own.split(" ").some((word) => word.length > 3 && thing.includes(word))
    );
  });
  if (loved)
    return [
      random.pick([
        `Ha — those are fighting words. I love ${loved}`,
        `Ouch! You're talking about my ${loved} there`,
      ]),
      random.pick([
        "Fair enough, it's not for everyone",
        "You'd change your mind if you saw it done right, but fair enough",
      ]),
      "What are you into instead?",
    ];
  return [
    random.pick(["Ha, fair enough — it's not for everyone", "Fair, I won't argue with that"]),
    "What are you into instead?",
  ];
}
