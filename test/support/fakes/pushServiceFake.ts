import { createDecipheriv, createECDH, hkdfSync, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { Agent } from "node:https";
import { type AddressInfo, connect } from "node:net";
import { importJWK, type JWTPayload, jwtVerify } from "jose";

/**
 * A Web Push service on node:http: it records each push request, answers 201 (or a status set per
 * path), and can check what a browser would: the VAPID JWT and the aes128gcm payload.
 */
export interface RecordedPush {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  status: number;
}

export interface PushServiceFake {
  /** https://push-service.test:<port>, the origin of every endpoint; reach it through `agent`. */
  origin: string;
  /** Sends the https requests of `web-push` to the fake over plain TCP. */
  agent: Agent;
  requests: RecordedPush[];
  endpoint(path: string): string;
  respond(path: string, status: number): void;
  close(): Promise<void>;
}

export async function startPushServiceFake(): Promise<PushServiceFake> {
  const requests: RecordedPush[] = [];
  const statuses = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      const status = req.method === "POST" ? (statuses.get(path) ?? 201) : 405;
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks), status });
      res.writeHead(status, status === 201 ? { location: `${path}/messages/${requests.length}` } : {});
      res.end(
        status === 201 ? "" : JSON.stringify({ reason: status === 410 ? "subscription expired" : "error" }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    // A public-looking name, as a browser's subscription has; `agent` takes it to the local port.
    origin: `https://push-service.test:${port}`,
    agent: plainTcpAgent(port),
    requests,
    endpoint: (path) => `https://push-service.test:${port}${path}`,
    respond: (path, status) => statuses.set(path, status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An https.Agent whose connections go, unencrypted, to a local port: a fake that needs no certificate. */
export function plainTcpAgent(port: number): Agent {
  const agent = new Agent({ keepAlive: false });
  agent.createConnection = () => connect({ host: "127.0.0.1", port });
  return agent;
}

/** What a browser creates on `pushManager.subscribe()`: a P-256 key pair and a 16-byte auth secret. */
export function browserSubscription(endpoint: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    subscription: {
      kind: "webpush" as const,
      endpoint,
      keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
    },
    /** Decrypts an aes128gcm body (RFC 8188 framing, RFC 8291 keys) the way the browser would. */
    decrypt: (body: Buffer) => decryptAes128gcm(body, ecdh.getPrivateKey(), ecdh.getPublicKey(), auth),
  };
}

export function decryptAes128gcm(
  body: Buffer,
  uaPrivate: Buffer,
  uaPublic: Buffer,
  authSecret: Buffer,
): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const asPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (idLength !== 65 || record.length > recordSize)
    throw new Error("not a single aes128gcm record with a P-256 key id");
  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(uaPrivate);
  const shared = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", shared, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  const end = padded.lastIndexOf(2);
  if (end < 0 || padded.subarray(end + 1).some((byte) => byte !== 0)) throw new Error("bad record padding");
  return padded.subarray(0, end);
}

/** Checks `Authorization: vapid t=<JWT>, k=<key>`: an ES256 JWT for the endpoint's origin, signed by `k`. */
export async function verifyVapid(
  authorization: string | undefined,
  audience: string,
): Promise<{ publicKey: string; claims: JWTPayload }> {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? "");
  if (!match) throw new Error(`not a VAPID authorization header: ${authorization}`);
  const [, token, publicKey] = match as unknown as [string, string, string];
  const raw = Buffer.from(publicKey, "base64url");
  if (raw.length !== 65 || raw[0] !== 4) throw new Error("k is not an uncompressed P-256 public key");
  const key = await importJWK(
    {
      kty: "EC",
      crv: "P-256",
      x: raw.subarray(1, 33).toString("base64url"),
      y: raw.subarray(33).toString("base64url"),
    },
    "ES256",
  );
  const { payload, protectedHeader } = await jwtVerify(token, key, { audience, algorithms: ["ES256"] });
  if (protectedHeader.typ !== "JWT") throw new Error("the VAPID JWT should say typ JWT");
  return { publicKey, claims: payload };
}
