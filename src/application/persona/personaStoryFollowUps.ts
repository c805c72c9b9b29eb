import { assertNever } from "../../domain/shared/decider.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { whatCameNext } from "./personaOwedStories.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { alreadySaid } from "./personaReplyParts.ts";
import { capitalize } from "./personaTyping.ts";

/** A line of the agent's that tells something it lived: "I took over…", "I once spent a winter…". */
const TOLD =
  /\bI (?:(?:once|first|later|then|finally|even|just|never|always) )*(?:\w{3,}ed|took|built|grew|spent|was|had|went|made|met|lost|found|left|began|got|came|ran|saw|learnt|fell|won|taught|wrote|drove|sold|bought|knew|thought|felt|kept|told)\b|\ba little story\b|\bOnce upon a time\b|\bI've got one I still tell\b/i;
/** Something that happened long ago, as against this week's little story. */
const LONG_AGO =
  /\b(?:grew up|years?|at (?:twelve|thirteen|fourteen|fifteen|sixteen|\d{1,2})\b|as a (?:kid|child|teenager)|took over|once|moved|winter|summer|first (?:job|day|game|year)|before)\b/i;

const NEGATIVE =
  /^(?:scared|afraid|frightened|terrified|nervous|lonely|homesick|worried|sad|bored|anxious|cold)$/i;

export type StoryFollowUp =
  | { kind: "next" }
  | { kind: "felt"; feeling: string }
  | { kind: "theirs"; who: string; feeling: string }
  | { kind: "outcome" };

/** "What happened next?", "were you scared?", "was your dad proud?", "did it work?": asked of a story. */
export function storyFollowUpOf(text: string): StoryFollowUp | null {
  const said = text
    .trim()
    .replace(/^(?:(?:(?:ha)+|lol|wow|omg|oh|ooh|ok|okay|really|so|but)[.!,]*\s+)+/i, "");
  if (
    /^(?:and )?(?:then what|what happened (?:next|then|after(?:wards)?)|and then|what did you do (?:then|next|after(?:wards)?)|what came next)\s*[?!.…]*$/i.test(
      said,
    )
  )
    return { kind: "next" };
  const felt =
    /^(?:were|was) (?:you|u) (?:really |very |so |not )?(scared|afraid|frightened|terrified|nervous|lonely|homesick|worried|sad|bored|anxious|cold|happy|proud|excited|tired)\b[^?]{0,30}\?*\s*$/i.exec(
      said,
    )?.[1];
  if (felt) return { kind: "felt", feeling: felt.toLowerCase() };
  const theirs =
    /^(?:were|was) (?:your|ur) ([\p{L}]+(?: [\p{L}]+)?) (proud|happy|angry|upset|surprised|pleased|worried|sad|okay|ok)\b[^?]{0,20}\?*\s*$/iu.exec(
      said,
    );
  if (theirs) return { kind: "theirs", who: theirs[1]!.toLowerCase(), feeling: theirs[2]!.toLowerCase() };
  if (
    /^(?:did (?:it|that) (?:work|help|go well)|how did (?:it|that) (?:go|end|turn out))\b[^?]{0,20}\?*\s*$/i.test(
      said,
    )
  )
    return { kind: "outcome" };
  return null;
}

/** Whether the message asks about the story the agent was telling, rather than its last question. */
export function followsStory(context: ReplyContext): boolean {
  const asked = storyFollowUpOf(context.personMessage);
  const story = asked ? lastToldStory(context) : null;
  return story !== null && (asked?.kind !== "next" || LONG_AGO.test(story));
}

/**
 * The story the agent was telling when last it spoke: the first of its replies in a row that each
 * told of its own life (the story, then what it said when asked "and then?"); null when its last
 * reply told none.
 */
export function lastToldStory(context: ReplyContext): string | null {
  const said = context.recentMessages.filter((m) => m.author === "agent").slice(-4);
  let story: string | null = null;
  for (const message of said.reverse()) {
    if (!TOLD.test(message.text)) break;
    story = message.text;
  }
  return story;
}

/**
 * A story's follow-up answered from the story: what came after, how the agent felt, how it ended;
 * each "and then?" tells a part not told yet. Null when the last reply told no story.
 */
export function answerStoryFollowUp(context: ReplyContext, random: SeededRandom): string[] | null {
  const asked = storyFollowUpOf(context.personMessage);
  const story = asked ? lastToldStory(context) : null;
  if (!asked || !story) return null;
  const longAgo = LONG_AGO.test(story);
  // "And then?" after what the agent did last weekend goes on with the weekend (moreToTell).
  if (asked.kind === "next" && !longAgo) return null;
  const fresh = (lines: string[]) => {
    const unsaid = lines.filter((line) => !alreadySaid(line, context));
    return unsaid.length > 0 ? unsaid.slice(0, 2) : [lines.at(-1)!];
  };
  switch (asked.kind) {
    case "next":
      return fresh(
        whatCameNext(story) ??
          (longAgo
            ? [
                "The first weeks were the hardest — I learned most of it by getting things wrong",
                "Then, slowly, it started to feel like mine, and the people around me became part of it",
                "And here I am — still at it, and I never once regretted it",
              ]
            : [
                "Then we gave up, found a café and laughed about it for an hour",
                "By the end of the evening we'd agreed to try it again next week",
                "And that's the whole story — small, but it made my week",
              ]),
      );
    case "felt": {
      const { feeling } = asked;
      if (feeling === "tired") return ["Tired? Exhausted, honestly", "But the good kind of tired"];
      return NEGATIVE.test(feeling)
        ? [
            `${capitalize(feeling)}? A little, at first — I won't pretend I wasn't`,
            random.pick([
              "But mostly I was too busy to dwell on it, and that helped",
              "It passed once I found my feet, and I'm glad I didn't give up",
            ]),
          ]
        : [`${capitalize(feeling)}? Very — even if I didn't show it much at the time`];
    }
    case "theirs":
      return [
        `My ${asked.who}? I think so — not one for big words, but I could tell`,
        random.pick(["That meant more to me than I said back then", "I still think about that"]),
      ];
    case "outcome":
      return [
        random.pick([
          "Mostly, yes — not the first time, but it got better",
          "Better than I feared, in the end",
        ]),
        "I learned more from the bits that went wrong, honestly",
      ];
    default:
      return assertNever(asked);
  }
}
