import { isUtf8 } from "node:buffer";
import type http from "node:http";
import type { createWithmeYoga } from "../graphql/yoga.ts";
import { BodyTooLargeError, readBody, tooLargeBody } from "./body.ts";
import { type HttpContext, sendJson } from "./router.ts";

type Yoga = ReturnType<typeof createWithmeYoga>;

const GRAPHQL_METHODS = new Set(["GET", "HEAD", "POST", "OPTIONS"]);

/**
 * Hands a request to yoga: the body is read here first so its size is capped, then yoga's
 * response (JSON, multipart or an SSE stream) is written back as it comes.
 */
export function graphqlHandler(
  yoga: Yoga,
  bodyLimitBytes: number,
  credentialsVerify: (authorization: string) => Promise<boolean>,
) {
  return async (context: HttpContext): Promise<void> => {
    const { request, response } = context;
    if (!GRAPHQL_METHODS.has(request.method ?? "")) {
      response.setHeader("allow", "GET, POST");
      return sendJson(response, 405, refusal("Send GraphQL requests with GET or POST."));
    }
    let body: Buffer | undefined;
    if (request.method !== "GET" && request.method !== "HEAD") {
      try {
        body = await readBody(request, await limitFor(request, bodyLimitBytes, credentialsVerify));
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        response.setHeader("connection", "close");
        sendJson(response, 413, tooLargeBody(error.limitBytes));
        return;
      }
    }
    // yoga also reads form posts and raw query strings; a form needs no preflight, so neither is taken.
    if (request.method === "POST" && !POST_MEDIA_TYPES.has(mediaTypeOf(request)))
      return sendJson(response, 415, unsupportedMediaType);
    // A compressed body is not read: say so, rather than that its bytes are not text.
    if (body && !isIdentityEncoded(request)) return sendJson(response, 415, compressedBody);
    // Text the client meant cannot be told from replacement characters once decoded: refuse it whole.
    if (body && !isUtf8(body) && !isMultipart(request))
      return sendJson(
        response,
        400,
        refusal("The request body is not valid UTF-8; send it encoded as UTF-8."),
      );
    let fetchRequest: Request;
    try {
      fetchRequest = new Request(context.url, {
        method: request.method,
        headers: headersOf(request),
        ...(body ? { body: new Uint8Array(body) } : {}),
        signal: context.signal,
      });
    } catch {
      return sendJson(
        response,
        400,
        refusal("The request's headers cannot be read; send plain HTTP headers."),
      );
    }
    const answer = await yoga.fetch(fetchRequest, {
      withme: { requestId: context.requestId, signal: context.signal },
    });
    // yoga answers a body of a type it cannot read with a bare 415; say what to send instead.
    if (answer.status === 415) {
      await answer.body?.cancel();
      return sendJson(response, 415, unsupportedMediaType);
    }
    // ...and a bare 406 for an Accept header it cannot answer; say which media types it can.
    if (answer.status === 406) {
      await answer.body?.cancel();
      return sendJson(response, 406, notAcceptable);
    }
    const headers: Record<string, string | string[]> = {};
    answer.headers.forEach((value, key) => {
      headers[key] = key === "set-cookie" ? answer.headers.getSetCookie() : value;
    });
    response.writeHead(answer.status, headers);
    if (!answer.body || request.method === "HEAD") {
      response.end();
      return;
    }
    // yoga's streams are its own ponyfill, so they are read chunk by chunk rather than piped.
    const reader = answer.body.getReader();
    context.signal.addEventListener("abort", () => void reader.cancel().catch(() => {}), { once: true });
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (!response.write(chunk.value)) await new Promise((resolve) => response.once("drain", resolve));
      }
      response.end();
    } catch {
      response.destroy();
    }
  };
}

/** A request refused before GraphQL could run it, in the shape every GraphQL client reads. */
function refusal(message: string) {
  return { errors: [{ message, extensions: { code: "BAD_USER_INPUT" } }] };
}

const unsupportedMediaType = refusal(
  "Send the request as application/json (or multipart/form-data for an upload, or as a GET query string).",
);

const compressedBody = refusal(
  "Send the request body uncompressed: this server reads no Content-Encoding (gzip, br, deflate).",
);

const notAcceptable = refusal(
  "Accept application/graphql-response+json or application/json (or text/event-stream for a subscription).",
);

const POST_MEDIA_TYPES = new Set(["application/json", "application/graphql+json", "multipart/form-data"]);

function mediaTypeOf(request: http.IncomingMessage): string {
  return (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

function isIdentityEncoded(request: http.IncomingMessage): boolean {
  const encoding = (request.headers["content-encoding"] ?? "").trim().toLowerCase();
  return encoding === "" || encoding === "identity";
}

function isMultipart(request: http.IncomingMessage): boolean {
  return mediaTypeOf(request) === "multipart/form-data";
}

/** File uploads (character cards) come as multipart requests, signed in; they may be as large as a card file. */
export const UPLOAD_BODY_LIMIT = 21 * 1024 * 1024;

/** The larger limit only once the bearer's credentials verify: no one else may send megabytes. */
async function limitFor(
  request: http.IncomingMessage,
  bodyLimitBytes: number,
  credentialsVerify: (authorization: string) => Promise<boolean>,
): Promise<number> {
  const multipart = isMultipart(request);
  const authorization = request.headers.authorization;
  if (!multipart || !authorization) return bodyLimitBytes;
  return (await credentialsVerify(authorization))
    ? Math.max(UPLOAD_BODY_LIMIT, bodyLimitBytes)
    : bodyLimitBytes;
}

function headersOf(request: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item);
  }
  return headers;
}
