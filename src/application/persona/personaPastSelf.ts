import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { inFirstPerson } from "./personaBackstory.ts";
import { pastimeOf } from "./personaPastimes.ts";
import { sentencesOf } from "./personaPhrases.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

const YOU = "(?:you|u)";
const FIRST =
  /\bwhat was (?:your|ur) (?:very )?first ([\p{L}]+)(?: [\p{L}]+)?(?: (?:as|at|in) [^?]+)? like\b|\bhow was (?:your|ur) first ([\p{L}]+)\b(?! (?:today|this))/iu;
const ALWAYS = new RegExp(`\\b(?:did ${YOU} always want|have ${YOU} always wanted) to be\\b`, "i");
/** "Why did you become a firefighter?", "what made you choose this job?": how it came to its work. */
const WHY_THIS_WORK = new RegExp(
  `\\b(?:why|how) did ${YOU} (?:become|get into|choose|pick|end up|decide to become|start)\\b|\\bwhat made ${YOU} (?:become|want to be|choose|get into|go into)\\b|\\bwhy (?:did ${YOU} )?(?:choose|pick) (?:this|that|your) (?:job|work|career)\\b`,
  "i",
);
const AS_A_KID = new RegExp(
  `\\bwhat did ${YOU} want to be\\b|\\bwhat were ${YOU} like (?:as a (?:kid|child|teenager)|growing up|at school)\\b`,
  "i",
);
const KIN = "(parents|mum|mom|dad|mother|father|family|folks)";
const FAMILY = new RegExp(
  `\\b(?:were|was|did) (?:your|ur) ${KIN}\\b|^\\s*(?:and |so |what about )?(?:your|ur) ${KIN}\\s*(?:[,?]|were they|was (?:she|he))`,
  "i",
);
const EVER_FELT = new RegExp(
  `\\b(?:were|have) ${YOU} ever (?:been )?(scared|afraid|nervous|lonely|bored|homesick|frightened|burnt out|burned out)\\b`,
  "i",
);
const COPED = new RegExp(
  `\\b(?:what did ${YOU} do|how did ${YOU} (?:cope|deal with it|manage)) when ${YOU} (?:were|was|felt|got) (?:really |so |very )?(stressed|sad|scared|nervous|lonely|bored|anxious|down|overwhelmed)\\b`,
  "i",
);

/** How the agent grew up, in its own words, when its backstory tells it. */
function grewUp(context: ReplyContext): string | null {
  const line = sentencesOf(context.agent.backstory).find((s) => /^(?:Grew|Was born|Raised)\b/.test(s));
  return line ? inFirstPerson(line) : null;
}

/**
 * Questions about the agent's own past rather than its day: its first day at work, what it wanted
 * to be as a child, its parents, whether it was ever scared, how it got through a hard time.
 * Answered as something it lived, in the past tense, so that "and then?" can follow. Null when the
 * message asks none of these.
 */
export function answerPastSelf(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const work = withIndefiniteArticle(context.identity.occupation.replace(/^(?:retired|former) /i, ""));
  // Drawn only when said, so that a question this does not answer leaves the seed's draws alone.
  const pastime = () => pastimeOf(context.agent.interests, random);
  const first = FIRST.exec(text);
  if (first) {
    const what = (first[1] ?? first[2] ?? "day").toLowerCase();
    return [
      `My first ${what}? Nerve-racking — I barely slept the night before`,
      random.pick([
        "I got half of it wrong, and nobody minded as much as I did",
        "By the end of it I was exhausted, and I knew I'd found the right thing",
      ]),
    ];
  }
  if (ALWAYS.test(text))
    return [
      "Not always — as a kid I wanted to be something new every week",
      `But once I started working as ${work}, I never really looked back`,
    ];
  if (WHY_THIS_WORK.test(text))
    return [
      random.pick([
        `I tried it once, years ago, almost by accident — and by the end of the first week I knew I wanted to be ${work}`,
        `Someone I looked up to was ${work}, and I used to watch them work and think: that, one day`,
      ]),
      "It's hard some days, but I never once wished I'd done something else",
    ];
  if (AS_A_KID.test(text))
    return [
      random.pick([
        "I wanted to be an astronaut for a while, then a vet, then a famous singer",
        "I was the kid with a new plan every week — a pilot, a detective, a chef",
      ]),
      `I ended up as ${work}, and honestly I like it better than all of them`,
    ];
  const kin = FAMILY.exec(text);
  const family = (kin?.[1] ?? kin?.[2])?.toLowerCase();
  if (family) {
    const home = grewUp(context);
    const worked = "They worked hard and didn't make a fuss about it — I got my patience from them";
    return home ? [`My ${family}? ${home}`, worked] : [`My ${family}? ${worked}`];
  }
  const felt = EVER_FELT.exec(text)?.[1]?.toLowerCase();
  if (felt)
    return [
      `${capitalize(felt)}? Sometimes, yes — anyone who says they never were isn't being honest`,
      `What got me through was ${pastime()} and a couple of good friends I could call`,
    ];
  const coped = COPED.exec(text)?.[1]?.toLowerCase();
  if (coped)
    return [
      `When I was ${coped}? I walked it off, mostly — long walks, no phone`,
      `These days it's ${pastime()}, but the idea's the same: get out of my own head for a while`,
    ];
  return null;
}
