import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * FCM's HTTP v1 send endpoint on node:http: bearer auth, the message recorded, 404 UNREGISTERED
 * for tokens marked gone and 400 INVALID_ARGUMENT for tokens marked invalid, in Google's error shape.
 */
export interface FcmFake {
  port: number;
  accessToken: string;
  sent: { projectId: string; host: string | undefined; message: Record<string, unknown> }[];
  unregistered: Set<string>;
  invalid: Set<string>;
  close(): Promise<void>;
}

export async function startFcmFake(accessToken = "fake-access-token"): Promise<FcmFake> {
  const fake: Omit<FcmFake, "port" | "close"> = {
    accessToken,
    sent: [],
    unregistered: new Set(),
    invalid: new Set(),
  };
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(body));
      };
      const route = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(req.url ?? "");
      if (req.method !== "POST" || !route) return reply(404, error(404, "NOT_FOUND", "No such method."));
      if (req.headers.authorization !== `Bearer ${accessToken}`)
        return reply(401, error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials."));
      const { message } = JSON.parse(raw) as { message: Record<string, unknown> };
      fake.sent.push({ projectId: route[1]!, host: req.headers.host, message });
      const token = String(message.token);
      if (fake.unregistered.has(token))
        return reply(404, error(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED"));
      if (fake.invalid.has(token))
        return reply(
          400,
          error(400, "INVALID_ARGUMENT", "The registration token is not valid.", "INVALID_ARGUMENT"),
        );
      reply(200, { name: `projects/${route[1]}/messages/${fake.sent.length}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    ...fake,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function error(code: number, status: string, message: string, fcmCode?: string) {
  const details = fcmCode
    ? [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode: fcmCode }]
    : [];
  return { error: { code, message, status, details } };
}
