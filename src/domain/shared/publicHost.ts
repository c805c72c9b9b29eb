import ipaddr from "ipaddr.js";

/** Names that only ever mean this machine or a private network, whatever a resolver says. */
const PRIVATE_NAME = /(^|\.)(localhost|local|internal|home\.arpa|localdomain)\.?$/i;

/**
 * Whether an IP address is on the public internet: not loopback, private, link-local (the cloud
 * metadata service lives there), carrier-grade NAT, unique-local, multicast or reserved. An IPv4
 * address carried inside IPv6 (mapped, or NAT64) is judged as the IPv4 address it is.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return false;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === "ipv4") return parsed.range() === "unicast";
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  if (range === "ipv4Mapped") return isPublicAddress(v6.toIPv4Address().toString());
  if (range === "rfc6052")
    return isPublicAddress(ipaddr.fromByteArray(v6.toByteArray().slice(12)).toString());
  return range === "unicast";
}

export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
}

/**
 * Whether a URL's host may be public, judged without a lookup: an IP literal must be a public
 * address, and a name must not be one reserved for this machine or a private network. A name that
 * passes is checked again against the addresses it resolves to when something connects.
 */
export function mayBePublicHost(hostname: string): boolean {
  if (hostname.length === 0) return false;
  if (isIpLiteral(hostname)) return isPublicAddress(hostname);
  return !PRIVATE_NAME.test(hostname);
}
