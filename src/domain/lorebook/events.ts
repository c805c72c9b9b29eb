import { z } from "zod";
import { defineEvent, type EventOf } from "../shared/eventCatalogue.ts";
import { IdSchema, InstantSchema } from "../shared/schemas.ts";
import {
  LorebookDescriptionSchema,
  LorebookEntrySchema,
  LorebookExtensionsSchema,
  LorebookNameSchema,
  LorebookSettingsSchema,
  LorebookSourceSchema,
} from "./schemas.ts";

/** The book itself; its entries follow as `LorebookEntryAdded`, in the same append. */
export const LorebookCreated = defineEvent(
  "LorebookCreated",
  z.object({
    lorebookId: IdSchema,
    name: LorebookNameSchema,
    description: LorebookDescriptionSchema,
    settings: LorebookSettingsSchema,
    extensions: LorebookExtensionsSchema,
    source: LorebookSourceSchema,
    createdBy: IdSchema,
    createdAt: InstantSchema,
  }),
);
export type LorebookCreated = EventOf<typeof LorebookCreated>;

export const LorebookDetailsUpdated = defineEvent(
  "LorebookDetailsUpdated",
  z.object({
    lorebookId: IdSchema,
    name: LorebookNameSchema,
    description: LorebookDescriptionSchema,
    settings: LorebookSettingsSchema,
  }),
);
export type LorebookDetailsUpdated = EventOf<typeof LorebookDetailsUpdated>;

export const LorebookEntryAdded = defineEvent(
  "LorebookEntryAdded",
  z.object({ lorebookId: IdSchema, entry: LorebookEntrySchema }),
);
export type LorebookEntryAdded = EventOf<typeof LorebookEntryAdded>;

/** The entry as it now is, whole. */
export const LorebookEntryUpdated = defineEvent(
  "LorebookEntryUpdated",
  z.object({ lorebookId: IdSchema, entry: LorebookEntrySchema }),
);
export type LorebookEntryUpdated = EventOf<typeof LorebookEntryUpdated>;

export const LorebookEntryRemoved = defineEvent(
  "LorebookEntryRemoved",
  z.object({ lorebookId: IdSchema, entryId: IdSchema }),
);
export type LorebookEntryRemoved = EventOf<typeof LorebookEntryRemoved>;

/** Agents that named the book read it as gone. */
export const LorebookDeleted = defineEvent(
  "LorebookDeleted",
  z.object({ lorebookId: IdSchema, deletedBy: IdSchema, deletedAt: InstantSchema }),
);
export type LorebookDeleted = EventOf<typeof LorebookDeleted>;

export const lorebookEventDefinitions = [
  LorebookCreated,
  LorebookDetailsUpdated,
  LorebookEntryAdded,
  LorebookEntryUpdated,
  LorebookEntryRemoved,
  LorebookDeleted,
] as const;

export type LorebookEvent =
  | LorebookCreated
  | LorebookDetailsUpdated
  | LorebookEntryAdded
  | LorebookEntryUpdated
  | LorebookEntryRemoved
  | LorebookDeleted;
