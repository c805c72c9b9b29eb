import { createSecretKey, randomBytes } from "node:crypto";
import { MediaLinkSigner } from "../../src/application/media/mediaLinks.ts";

/** A link signer with a key of its own, for tests that store media on disk. */
export const testMediaLinks = () => new MediaLinkSigner(createSecretKey(randomBytes(32)));
