import type { ReplyContext } from "../prompt/replyContext.ts";

/**
 * "When is the baby due?" after "we are having a girl in March": the time told with the baby,
 * wherever it was told, or a question back when no time was. Null when no due date is asked.
 */
export function answerDueDate(context: ReplyContext): string[] | null {
  if (!dueAsked.test(context.personMessage)) return null;
  const told = [
    ...context.recentMessages.filter((m) => m.author === "person").map((m) => m.text),
    ...context.memories.map((m) => m.text),
  ];
  const when = told
    .filter((text) => aboutABaby.test(text))
    .map((text) => timeTold.exec(text)?.[0])
    .find((time) => time !== undefined);
  return when
    ? [`${when.charAt(0).toUpperCase()}${when.slice(1)} — that's what you told me`, "Not long now!"]
    : ["Remind me? I don't think you've told me when yet"];
}

const dueAsked =
  /\bwhen(?:'s| is| will) (?:the baby|she|your (?:wife|partner|girlfriend)|it|the little one)(?: be)? (?:due|coming|arriving|born)\b|\bwhen(?:'s| is) the due date\b|\bdue date\b.*\?/i;

const aboutABaby = /\b(?:pregnant|expecting|due|having a (?:baby|girl|boy)|baby|twins)\b/i;

const timeTold =
  /\b(?:(?:in|by|around|early|late|mid-?|at the (?:end|start|beginning) of) )?(?:(?:early|late|mid-?) )?(?:January|February|March|April|May|June|July|August|September|October|November|December|the spring|the summer|the autumn|the fall|the winter|spring|summer|autumn|winter)\b|\bin (?:\d+|a few|two|three|four|five|six) (?:weeks|months)\b|\bnext (?:week|month)\b/i;
