import { insertAtDepth } from "../../domain/lorebook/placement.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import type { ChatMessage } from "../../ports/replyModel.ts";
import { assembleReplyContext, type ReplyPromptInput } from "./assembleReplyContext.ts";
import type { ReplyContext } from "./replyContext.ts";
import {
  renderLifeEventLine,
  renderMemoryLine,
  renderScenarioLine,
  renderSystemPrompt,
} from "./systemPrompt.ts";
import {
  type BudgetItem,
  type BudgetItemKind,
  contextDropOrder,
  estimateTokens,
  messageOverheadTokens,
  planBudget,
} from "./tokenBudget.ts";

export type { PersonaInput, ReplyPromptInput } from "./assembleReplyContext.ts";

export interface KeptAndDropped {
  kept: number;
  dropped: string[];
}

export interface ReplyPromptMetadata {
  availability: ReplyContext["availability"];
  localTime: string;
  weather: string;
  estimatedTokens: number;
  budget: number;
  overBudget: boolean;
  context: Record<"messages" | "memories" | "lifeEvents" | "scenarios", KeptAndDropped>;
}

export interface ReplyPrompt {
  messages: ChatMessage[];
  /** The structured context the messages were rendered from (after trimming). */
  context: ReplyContext;
  metadata: ReplyPromptMetadata;
}

export const defaultPromptBudget = 3000;

/** Everything a reply model needs for one turn, trimmed to the token budget. */
export function buildReplyPrompt(input: ReplyPromptInput): ReplyPrompt {
  const full = assembleReplyContext(input);
  const budget = input.maxPromptTokens ?? defaultPromptBudget;
  const items = budgetItems(full);
  const fixedTokens =
    estimateTokens(renderSystemPrompt({ ...full, activeScenarios: [], lifeEvents: [], memories: [] })) +
    estimateTokens(input.personMessage) +
    2 * messageOverheadTokens +
    sectionHeadingTokens;
  const plan = planBudget(fixedTokens, contextDropOrder(items), budget);
  const keep = <T>(kind: BudgetItemKind, list: readonly T[]) =>
    list.filter((_, index) => plan.kept.has(`${kind}:${index}`));
  const context: ReplyContext = {
    ...full,
    recentMessages: keep("message", full.recentMessages),
    memories: keep("memory", full.memories),
    lifeEvents: keep("lifeEvent", full.lifeEvents),
    activeScenarios: keep("scenario", full.activeScenarios),
  };
  const droppedOf = (kind: BudgetItemKind) =>
    plan.dropped.filter((item) => item.kind === kind).map((item) => droppedLabel(full, item));
  // Rendered when read: the offline engine composes from the context and reads the messages only
  // once the reply is written, so rendering them never delays its first words.
  let messages: ChatMessage[] | undefined;
  let metadata: ReplyPromptMetadata | undefined;
  const rendered = () => {
    messages ??= renderMessages(context);
    return messages;
  };
  return {
    context,
    get messages() {
      return rendered();
    },
    get metadata() {
      metadata ??= describePrompt(context, rendered(), budget, droppedOf);
      return metadata;
    },
  };
}

function describePrompt(
  context: ReplyContext,
  messages: readonly ChatMessage[],
  budget: number,
  droppedOf: (kind: BudgetItemKind) => string[],
): ReplyPromptMetadata {
  const estimatedTokens = messages.reduce(
    (sum, message) => sum + estimateTokens(message.content) + messageOverheadTokens,
    0,
  );
  return {
    availability: context.availability,
    localTime: context.localTime.label,
    weather: context.weather.phrase,
    estimatedTokens,
    budget,
    overBudget: estimatedTokens > budget,
    context: {
      messages: { kept: context.recentMessages.length, dropped: droppedOf("message") },
      memories: { kept: context.memories.length, dropped: droppedOf("memory") },
      lifeEvents: { kept: context.lifeEvents.length, dropped: droppedOf("lifeEvent") },
      scenarios: { kept: context.activeScenarios.length, dropped: droppedOf("scenario") },
    },
  };
}

/** Room for the four section headings, counted up front so trimming never overshoots. */
const sectionHeadingTokens = 30;

function budgetItems(context: ReplyContext) {
  const item = (kind: BudgetItemKind, index: number, text: string): BudgetItem => ({
    kind,
    key: `${kind}:${index}`,
    tokens: estimateTokens(text) + 1,
  });
  return {
    messages: context.recentMessages.map((m, i) => ({
      ...item("message", i, m.text),
      tokens: estimateTokens(m.text) + messageOverheadTokens,
    })),
    memories: context.memories.map((m, i) => ({ ...item("memory", i, renderMemoryLine(m)), score: m.score })),
    lifeEvents: context.lifeEvents.map((e, i) => item("lifeEvent", i, renderLifeEventLine(e))),
    scenarios: context.activeScenarios.map((s, i) => item("scenario", i, renderScenarioLine(s))),
  };
}

function droppedLabel(context: ReplyContext, item: BudgetItem): string {
  const index = Number(item.key.split(":")[1]);
  if (item.kind === "memory") return context.memories[index]?.id ?? item.key;
  return item.key;
}

/**
 * A message whose fact the person had the agent forget is not shown to the model at all, or the
 * fact would come back in the reply; one whose fact they corrected says so beside it.
 */
function historyText(message: ReplyContext["recentMessages"][number]): string {
  switch (message.superseded) {
    case undefined:
      return message.text;
    case "forgotten":
      return "(They asked you to forget what they said here. Do not bring it up.)";
    case "corrected":
      return `${message.text}\n(They have since corrected this; what you remember about it now is right.)`;
    default:
      return assertNever(message.superseded);
  }
}

function renderMessages(context: ReplyContext): ChatMessage[] {
  const chat: ChatMessage[] = [
    ...context.recentMessages.map(
      (m): ChatMessage => ({ role: m.author === "person" ? "user" : "assistant", content: historyText(m) }),
    ),
    { role: "user", content: context.personMessage },
  ];
  // Lore placed at a depth (SillyTavern's "@D", CCv3 `@@depth`) is a message among the chat's.
  const atDepth = (context.lore ?? []).flatMap((entry) =>
    entry.depth === undefined
      ? []
      : [
          {
            depth: entry.depth,
            message: { role: entry.role ?? "system", content: entry.content } as ChatMessage,
          },
        ],
  );
  return [{ role: "system", content: renderSystemPrompt(context) }, ...insertAtDepth(chat, atDepth)];
}
