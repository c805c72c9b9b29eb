import type { GraphQLResponse, Loose } from "./apiHarness.ts";

/** A GraphQL multipart request (the upload spec): the file travels beside the operation. */
export async function upload(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  file: { at: string; bytes: Uint8Array; name: string },
  token: string | null = "dev",
): Promise<GraphQLResponse<Record<string, Loose>>> {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query, variables }));
  form.append("map", JSON.stringify({ 0: [`variables.${file.at}`] }));
  form.append("0", new Blob([Uint8Array.from(file.bytes)]), file.name);
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      accept: "application/graphql-response+json, application/json",
    },
    body: form,
  });
  return { status: response.status, ...((await response.json()) as object) };
}
