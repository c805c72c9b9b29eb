import { type SummaryLine, summarizeByRules } from "../../application/engine/memorySummaryWriter.ts";
import { answerOnWorkerThread } from "./workerThreadCalls.ts";

/** The worker-thread side of `RuleSummaryThread`: one summary per message, in order. */
answerOnWorkerThread((request: { lines: SummaryLine[]; personName: string }) =>
  summarizeByRules(request.lines, request.personName),
);
