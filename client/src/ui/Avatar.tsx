import { useFreshPortraitLink } from "./freshLinks.ts";
import { Picture } from "./Picture.tsx";

/** An agent's portrait, or their initials before there is one; an expired link is replaced. */
export function Avatar({
  agentId,
  name,
  url,
  size = 40,
}: {
  agentId: string;
  name: string;
  url: string | null | undefined;
  size?: number;
}) {
  const freshLink = useFreshPortraitLink(agentId);
  const initials = name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return url ? (
    <Picture
      className="avatar"
      src={url}
      freshLink={freshLink}
      alt=""
      width={size}
      height={size}
      loading="lazy"
    />
  ) : (
    <span className="avatar placeholder" style={{ width: size, height: size }} aria-hidden="true">
      {initials}
    </span>
  );
}
