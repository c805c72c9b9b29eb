export function Avatar({
  name,
  url,
  size = 40,
}: {
  name: string;
  url: string | null | undefined;
  size?: number;
}) {
  const initials = name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return url ? (
    <img className="avatar" src={url} alt="" width={size} height={size} loading="lazy" />
  ) : (
    <span className="avatar placeholder" style={{ width: size, height: size }} aria-hidden="true">
      {initials}
    </span>
  );
}
