import type { Plugin } from "graphql-yoga";
import { badInput } from "./errors.ts";
import { parseMultipartRequest } from "./multipartRequest.ts";

/**
 * Yoga reads `variables` and `extensions` of a GET query string or a form body with a bare
 * `JSON.parse`; what it throws is the caller's malformed request, not a fault of the server.
 * Multipart uploads are read by `parseMultipartRequest`, which checks `operations` and `map`.
 */
export function requestParamsPlugin(): Plugin {
  return {
    onRequestParse: ({ request, requestParser, setRequestParser }) => {
      if (!requestParser) return;
      if (
        request.method === "POST" &&
        /^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "")
      ) {
        setRequestParser(parseMultipartRequest);
        return;
      }
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          // yoga words a body that is not JSON with the parser's own message beside it.
          if (hasOriginalError(error))
            throw badInput("Check the request: the body is not valid JSON; send an object with a query.", {
              // Not the spec's hint: a body that cannot be read is a 400 for legacy JSON clients too.
              http: { status: 400 },
            });
          if (!(error instanceof SyntaxError)) throw error;
          throw badInput("Check the request: its variables or extensions are not valid JSON.", {
            http: { status: 400, spec: true },
          });
        }
      });
    },
  };
}

function hasOriginalError(error: unknown): boolean {
  const extensions = (error as { extensions?: Record<string, unknown> } | null)?.extensions;
  return typeof extensions === "object" && extensions !== null && "originalError" in extensions;
}
