import {
  type SummaryLine,
  type SummaryNames,
  summarizeByRules,
} from "../../application/engine/memorySummaryWriter.ts";
import { answerOnWorkerThread } from "./workerThreadCalls.ts";

/** The worker-thread side of `RuleSummaryThread`: one summary per message, in order. */
answerOnWorkerThread((request: { lines: SummaryLine[]; names: SummaryNames }) =>
  summarizeByRules(request.lines, request.names),
);
