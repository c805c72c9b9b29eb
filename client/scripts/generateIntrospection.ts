import { readFileSync, writeFileSync } from "node:fs";
import { minifyIntrospection, outputIntrospectionFile } from "@gql.tada/internal";
import { buildSchema, introspectionFromSchema } from "graphql";

/**
 * Writes `client/src/graphql-env.d.ts` (the schema's introspection as gql.tada reads it) from
 * `schema.graphql`. The gql.tada CLI needs the TypeScript compiler API, which TypeScript 7 has
 * not got, so this builds the same file from `graphql` and gql.tada's own output helpers.
 */
export const schemaFile = new URL("../../schema.graphql", import.meta.url);
export const introspectionFile = new URL("../src/graphql-env.d.ts", import.meta.url);

const preamble =
  "/* eslint-disable */\n/* prettier-ignore */\n\n" +
  "/** Generated from schema.graphql by `npm run client:types`; do not edit by hand. */\n";

export function renderIntrospection(sdl: string): string {
  const introspection = minifyIntrospection(introspectionFromSchema(buildSchema(sdl)));
  return outputIntrospectionFile(introspection, { fileType: ".d.ts", shouldPreprocess: true, preamble });
}

if (import.meta.main) {
  const text = renderIntrospection(readFileSync(schemaFile, "utf8"));
  writeFileSync(introspectionFile, text);
  console.log(`wrote ${introspectionFile.pathname.replace(`${process.cwd()}/`, "")}`);
}
