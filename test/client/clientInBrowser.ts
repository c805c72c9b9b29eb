import { openBrowser, type TestBrowser } from "./browser.ts";
import { ensureClientBuilt } from "./clientBuild.ts";
import { type ClientServer, startClientServer } from "./clientServer.ts";

/** A fresh server with the built web client, and a headless Chromium profile of its own on it. */
export async function startClientInBrowser(
  serverOptions: Parameters<typeof startClientServer>[0] = {},
  pageOptions: Parameters<typeof openBrowser>[1] = {},
): Promise<{ server: ClientServer; browser: TestBrowser }> {
  await ensureClientBuilt();
  const server = await startClientServer(serverOptions);
  try {
    return { server, browser: await openBrowser(server.url, pageOptions) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Closes what `startClientInBrowser` opened, or the part of it that had opened when it failed. */
export async function closeClientInBrowser(server?: ClientServer, browser?: TestBrowser): Promise<void> {
  await browser?.close();
  await server?.close();
}
