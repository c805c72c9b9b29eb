import { sentencesOf } from "./personaPhrases.ts";

/**
 * "What's 12 times 7?": a sum of two numbers is worked out, not shrugged at. Only plain
 * arithmetic on two numbers; anything else is left to the other answers.
 */

const NUMBER = String.raw`(-?\d{1,9}(?:\.\d{1,6})?)`;
const OPERATORS: Record<string, (a: number, b: number) => number | null> = {
  plus: (a, b) => a + b,
  "+": (a, b) => a + b,
  minus: (a, b) => a - b,
  "-": (a, b) => a - b,
  times: (a, b) => a * b,
  "multiplied by": (a, b) => a * b,
  x: (a, b) => a * b,
  "*": (a, b) => a * b,
  "×": (a, b) => a * b,
  "divided by": (a, b) => (b === 0 ? null : a / b),
  "/": (a, b) => (b === 0 ? null : a / b),
  "÷": (a, b) => (b === 0 ? null : a / b),
  over: (a, b) => (b === 0 ? null : a / b),
};
const SUM = new RegExp(
  String.raw`^\s*(?:(?:what(?:'s| is)|whats|how much is|can you (?:work out|tell me|calculate)|calculate|quick(?: maths| math)?[:,]?\s*(?:what(?:'s| is))?)\s+)?${NUMBER}\s*(plus|\+|minus|-|times|multiplied by|x|\*|×|divided by|\/|÷|over)\s*${NUMBER}\s*(?:\?|=\s*\??|equals\??)?\s*$`,
  "i",
);

/** The answer in a sentence, or null when the message is not a sum of two numbers. */
export function answerSum(text: string): string[] | null {
  // "haha ok smart girl. what's 12 times 7?": the sum is the message's last sentence.
  const match = SUM.exec(sentencesOf(text).at(-1) ?? text);
  if (!match) return null;
  const [, left, operator, right] = match as unknown as [string, string, string, string];
  const result = OPERATORS[operator.toLowerCase()]?.(Number(left), Number(right));
  if (result === null || result === undefined)
    return ["You can't divide by zero, I'm afraid", "Even I know that one"];
  if (!Number.isFinite(result)) return null;
  const rounded = Math.round(result * 1000) / 1000;
  const spoken = rounded < 0 ? `minus ${-rounded}` : `${rounded}`;
  return [`That's ${spoken}${rounded === result ? "" : ", roughly"}`];
}
