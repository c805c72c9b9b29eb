import type { CommandHandler } from "../commandHandler.ts";
import type { EventLog } from "../eventLog.ts";
import { ConversationTexts } from "./conversationTexts.ts";
import { RecentLifeEvents } from "./recentLifeEvents.ts";

/** What every turn reads again, kept once per running system beside its command handler. */
export interface TurnReads {
  texts: ConversationTexts;
  lifeEvents: RecentLifeEvents;
}

export function createTurnReads(commands: CommandHandler, events: EventLog): TurnReads {
  return { texts: new ConversationTexts(commands), lifeEvents: new RecentLifeEvents(events) };
}
