import type http from "node:http";

export class BodyTooLargeError extends Error {
  readonly limitBytes: number;
  constructor(limitBytes: number) {
    super(`request body larger than ${limitBytes} bytes`);
    this.name = "BodyTooLargeError";
    this.limitBytes = limitBytes;
  }
}

/** The whole body, refusing early (by Content-Length) or as soon as the bytes pass the limit. */
export async function readBody(request: http.IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limitBytes) throw new BodyTooLargeError(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new BodyTooLargeError(limitBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The GraphQL error body for a refused upload: 413, with a code a client can act on. */
export function tooLargeBody(limitBytes: number) {
  return {
    errors: [
      {
        message: `The request is larger than ${Math.round(limitBytes / 1024)} KB; send less (a message holds at most 4000 characters).`,
        extensions: { code: "BAD_USER_INPUT", limitBytes },
      },
    ],
  };
}
