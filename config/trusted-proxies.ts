import { BlockList, isIP } from "node:net";
import { z } from "zod";

/** What clientIp answers when no trusted proxy named the client: per-IP limits then do not apply. */
export const UNKNOWN_IP = "unknown";

/**
 * Which proxies in front of the app may be believed about the client's address.
 * - none: X-Forwarded-For is ignored (the default: anyone can write it).
 * - hops N: N proxies that each append the address they were connected from; the client is the
 *   N-th entry from the right (Next's route handlers never see the socket peer, so the nearest
 *   proxy's own entry is the right-most one).
 * - cidrs: entries from the right inside these networks are proxies; the first outside is the client.
 */
export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: BlockList; text: string };

export const trustedProxies = z
  .string()
  .optional()
  .transform((raw, ctx): TrustedProxies => {
    const value = raw?.trim() ?? "";
    if (value === "" || value === "0" || value === "none") return { kind: "none" };
    if (/^\d+$/.test(value)) return { kind: "hops", hops: Math.min(Number(value), 32) };
    const list = new BlockList();
    for (const item of value
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean)) {
      const [address, prefix] = item.split("/");
      const family = isIP(address ?? "");
      const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
      if (!family || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) {
        ctx.addIssue({ code: "custom", message: `"${item}" is neither a hop count nor an address or CIDR (10.0.0.0/8, fd00::/8)` });
        return { kind: "none" };
      }
      list.addSubnet(address!, bits, family === 6 ? "ipv6" : "ipv4");
    }
    return { kind: "cidrs", list, text: value };
  });

/** Strips an IPv4-mapped IPv6 prefix and a port, so "::ffff:1.2.3.4" and "1.2.3.4:5678" read as 1.2.3.4. */
export function normaliseAddress(entry: string): string | null {
  let a = entry.trim();
  if (a.startsWith("[")) a = a.slice(1, a.indexOf("]") > 0 ? a.indexOf("]") : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a)) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : null;
}

/** The client address from an X-Forwarded-For value under the given trust, or null when unknown. */
export function clientAddress(forwardedFor: string | null, trust: TrustedProxies): string | null {
  if (trust.kind === "none" || !forwardedFor) return null;
  const hops = forwardedFor.split(",").map((e) => e.trim());
  if (trust.kind === "hops") {
    // Fewer entries than proxies: the left-most is the best anyone said (Express does the same).
    const entry = hops[Math.max(0, hops.length - trust.hops)];
    return entry === undefined ? null : normaliseAddress(entry);
  }
  for (let i = hops.length - 1; i >= 0; i--) {
    const a = normaliseAddress(hops[i]!);
    if (a === null) return null; // garbage the proxies would not write: someone forged it
    if (!trust.list.check(a, isIP(a) === 6 ? "ipv6" : "ipv4") || i === 0) return a;
  }
  return null;
}
