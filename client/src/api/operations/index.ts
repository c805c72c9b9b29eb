export * from "./admin.ts";
export * from "./chat.ts";
export * from "./settings.ts";
export * from "./timeTravel.ts";
export * from "./tree.ts";
