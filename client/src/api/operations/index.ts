export * from "./admin.ts";
export * from "./cards.ts";
export * from "./chat.ts";
export * from "./memories.ts";
export * from "./privacy.ts";
export * from "./settings.ts";
export * from "./timeTravel.ts";
export * from "./tree.ts";
