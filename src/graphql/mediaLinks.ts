import { linkExpiry, VIEW_LINK_SECONDS } from "../application/media/mediaLinks.ts";
import type { GraphQLContext } from "./context.ts";

/**
 * A stored picture's URL as the viewer gets it: a link that loads it for a while. Only resolvers
 * of things the viewer may see call this, so only they get a link that opens the picture.
 */
export async function viewableUrl(
  context: GraphQLContext,
  url: string | null | undefined,
  seconds = VIEW_LINK_SECONDS,
): Promise<string | null> {
  const { media, clock } = context.services;
  if (!url || !media) return url ?? null;
  return media.viewUrl(url, linkExpiry(clock.now(), seconds));
}

/** The schema's words for a field that hands out such a link. */
export function viewLinkDescription(what: "picture" | "portrait"): string {
  return `A link that loads the ${what} for at least ${VIEW_LINK_SECONDS / 3600} hours; ask again for a fresh one.`;
}
