import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeBucket {
  id: string;
  public: boolean;
  allowedMimeTypes: string[] | null;
  fileSizeLimit: number | null;
}

export interface FakeObject {
  bytes: Buffer;
  contentType: string;
  cacheControl: string | null;
}

export interface SupabaseStorageFake {
  /** The project URL for the SDK (`createClient(url, key)`). */
  url: string;
  serviceRoleKey: string;
  buckets: Map<string, FakeBucket>;
  /** Stored objects by `<bucket>/<path>`. */
  objects: Map<string, FakeObject>;
  /** Every request seen, as `METHOD /path`. */
  calls: string[];
  close(): Promise<void>;
}

const PREFIX = "/storage/v1";

/**
 * A local stand-in for Supabase Storage's REST API as storage-js calls it: bucket get/create,
 * object upload (POST with x-upsert, PUT), removal, public object GET, signed URLs. Errors use Storage's
 * body shape; a missing bucket is HTTP 400 with statusCode "404", as older servers answer.
 */
export async function startSupabaseStorageFake(
  options: { serviceRoleKey?: string } = {},
): Promise<SupabaseStorageFake> {
  const serviceRoleKey = options.serviceRoleKey ?? "service-role-test";
  const buckets = new Map<string, FakeBucket>();
  const objects = new Map<string, FakeObject>();
  const tokens = new Map<string, string>();
  const calls: string[] = [];

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) =>
      fail(response, 500, "500", "internal", String(error)),
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = new URL(request.url ?? "/", "http://storage.local");
    const route = decodeURIComponent(target.pathname.slice(PREFIX.length));
    calls.push(`${request.method} ${route}`);
    if (!target.pathname.startsWith(`${PREFIX}/`))
      return fail(response, 404, "404", "not_found", "no such route");

    const publicObject = /^\/object\/public\/([^/]+)\/(.+)$/.exec(route);
    if (request.method === "GET" && publicObject) {
      const bucket = buckets.get(publicObject[1]!);
      const object = objects.get(`${publicObject[1]}/${publicObject[2]}`);
      if (!bucket?.public || !object) return fail(response, 400, "404", "not_found", "Object not found");
      return sendObject(response, object);
    }
    const signed = /^\/object\/sign\/([^/]+)\/(.+)$/.exec(route);
    if (request.method === "GET" && signed) {
      const path = `${signed[1]}/${signed[2]}`;
      const object = objects.get(path);
      if (tokens.get(target.searchParams.get("token") ?? "") !== path || !object) {
        return fail(response, 400, "403", "InvalidSignature", "Invalid signature");
      }
      return sendObject(response, object);
    }
    if (
      request.headers.authorization !== `Bearer ${serviceRoleKey}` ||
      request.headers.apikey !== serviceRoleKey
    ) {
      return fail(response, 400, "403", "Unauthorized", "Invalid Compact JWS");
    }

    const bucketRoute = /^\/bucket\/([^/]+)$/.exec(route);
    if (request.method === "GET" && bucketRoute) {
      const bucket = buckets.get(bucketRoute[1]!);
      if (!bucket) return fail(response, 400, "404", "Bucket not found", "Bucket not found");
      return json(response, 200, {
        id: bucket.id,
        name: bucket.id,
        owner: "",
        public: bucket.public,
        allowed_mime_types: bucket.allowedMimeTypes,
        file_size_limit: bucket.fileSizeLimit,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      });
    }
    if (request.method === "POST" && route === "/bucket") {
      const body = JSON.parse((await readBody(request)).toString("utf8")) as Record<string, unknown>;
      const id = String(body.id);
      if (buckets.has(id)) return fail(response, 409, "409", "Duplicate", "The resource already exists");
      buckets.set(id, {
        id,
        public: body.public === true,
        allowedMimeTypes: (body.allowed_mime_types as string[] | undefined) ?? null,
        fileSizeLimit: (body.file_size_limit as number | undefined) ?? null,
      });
      return json(response, 200, { name: id });
    }
    const signRoute = /^\/object\/sign\/([^/]+)\/(.+)$/.exec(route);
    if (request.method === "POST" && signRoute) {
      const path = `${signRoute[1]}/${signRoute[2]}`;
      if (!objects.has(path)) return fail(response, 400, "404", "not_found", "Object not found");
      const token = randomUUID();
      tokens.set(token, path);
      return json(response, 200, { signedURL: `/object/sign/${path}?token=${token}` });
    }
    const removal = /^\/object\/([^/]+)$/.exec(route);
    if (request.method === "DELETE" && removal) {
      const body = JSON.parse((await readBody(request)).toString("utf8")) as { prefixes: string[] };
      const removed = body.prefixes.filter((key) => objects.delete(`${removal[1]}/${key}`));
      return json(
        response,
        200,
        removed.map((name) => ({ name, bucket_id: removal[1] })),
      );
    }
    const upload = /^\/object\/([^/]+)\/(.+)$/.exec(route);
    if ((request.method === "POST" || request.method === "PUT") && upload) {
      const bucket = buckets.get(upload[1]!);
      if (!bucket) return fail(response, 400, "404", "Bucket not found", "Bucket not found");
      const path = `${upload[1]}/${upload[2]}`;
      const upsert = request.method === "PUT" || request.headers["x-upsert"] === "true";
      if (objects.has(path) && !upsert)
        return fail(response, 400, "409", "Duplicate", "The resource already exists");
      const contentType = String(request.headers["content-type"] ?? "");
      if (bucket.allowedMimeTypes && !bucket.allowedMimeTypes.includes(contentType)) {
        return fail(response, 400, "415", "invalid_mime_type", `mime type ${contentType} is not supported`);
      }
      const bytes = await readBody(request);
      if (bucket.fileSizeLimit !== null && bytes.length > bucket.fileSizeLimit) {
        return fail(
          response,
          400,
          "413",
          "Payload too large",
          "The object exceeded the maximum allowed size",
        );
      }
      objects.set(path, {
        bytes,
        contentType,
        cacheControl: (request.headers["cache-control"] as string) ?? null,
      });
      return json(response, 200, { Id: randomUUID(), Key: path });
    }
    return fail(response, 404, "404", "not_found", `no route for ${request.method} ${route}`);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serviceRoleKey,
    buckets,
    objects,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendObject(response: ServerResponse, object: FakeObject): void {
  response
    .writeHead(200, {
      "content-type": object.contentType,
      "content-length": object.bytes.length,
      ...(object.cacheControl ? { "cache-control": object.cacheControl } : {}),
    })
    .end(object.bytes);
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function fail(
  response: ServerResponse,
  status: number,
  statusCode: string,
  error: string,
  message: string,
): void {
  json(response, status, { statusCode, error, message });
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
