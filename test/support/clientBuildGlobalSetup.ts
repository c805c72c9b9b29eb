import { hasChromium } from "../client/browser.ts";
import { ensureClientBuilt } from "../client/clientBuild.ts";

/**
 * Builds the web client once before the browser tests, which run several files at a time: each
 * file still checks the build is fresh, but none of them builds it while another reads it.
 */
export default async function setup() {
  if (hasChromium) await ensureClientBuilt();
}
