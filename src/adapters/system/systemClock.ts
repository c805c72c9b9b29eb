import { abortableSleep } from "../../application/abortableSleep.ts";
import type { Clock } from "../../ports/clock.ts";

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: abortableSleep,
};
