export * from "./admin.ts";
export * from "./cards.ts";
export * from "./chat.ts";
export * from "./settings.ts";
