import type { ReplyContext } from "../prompt/replyContext.ts";
import { asksTheirTime } from "./personaQuestionRules.ts";
import { clock } from "./personaSmallTalk.ts";

/** "Is it dark?", "is it late there?": a yes or a no by the agent's clock, then the clock itself. */
const asksPartOfDay = /\bis it (late|early|night|nighttime|morning|evening|dark|light|daytime)\b/i;

/**
 * The agent's local time, and whether it is what the person asked about ("Is it dark?"); asked
 * the time where the person is, their own clock (from their profile's time zone) first.
 */
export function answerAboutTime(context: ReplyContext): string[] {
  const { hour, weekday } = context.localTime;
  const time = `It's ${clock(context)} on a ${weekday} here in ${context.identity.homeCity}`;
  if (asksTheirTime.test(context.personMessage)) {
    const theirs = context.personLocalTime;
    const here = `${clock(context)} on a ${weekday} here in ${context.identity.homeCity}`;
    return theirs
      ? [`It's ${theirs.label.split(" ").at(-1)} where you are, and ${here}`]
      : ["I don't know your time zone yet — you can set it in Settings", `It's ${here}`];
  }
  const asked = asksPartOfDay.exec(context.personMessage)?.[1]?.toLowerCase();
  if (!asked) return [time];
  const dark = hour < 7 || hour >= 19;
  const holds: Record<string, boolean> = {
    late: hour >= 22 || hour < 4,
    early: hour >= 4 && hour < 8,
    night: hour >= 21 || hour < 5,
    nighttime: hour >= 21 || hour < 5,
    morning: hour >= 5 && hour < 12,
    evening: hour >= 17 && hour < 22,
    dark,
    light: !dark,
    daytime: !dark,
  };
  const yes = holds[asked] ?? false;
  return [`${yes ? "Yes" : "No"} — ${time.charAt(0).toLowerCase()}${time.slice(1)}`];
}
