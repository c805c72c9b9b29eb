import { createRequire } from "node:module";

/**
 * graphql as Node's resolver loads it: the copy Pothos, yoga and graphql-ws work with. graphql 16
 * ships CommonJS and ESM builds side by side, and a bundler or test runner may hand this code the
 * other one, whose classes fail their `instanceof` checks; code that passes schema objects or
 * errors back into those libraries takes them from here.
 */
export const graphqlRuntime = createRequire(import.meta.url)("graphql") as typeof import("graphql");
