import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { fieldError } from "../errors";
import { settings } from "@/config/settings";

// Loopback, private, link-local, CGNAT, unspecified, multicast and reserved ranges (v4 and v6).
const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  blocked.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(net, bits, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Refuses (422) a URL whose host is, or resolves to, an address inside our network, unless
 * WEBHOOK_ALLOW_PRIVATE=true. Checked on create and again before every delivery (DNS can change).
 */
export async function assertPublicUrl(raw: string): Promise<void> {
  if (settings().WEBHOOK_ALLOW_PRIVATE) return;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw fieldError("url", "the host name does not resolve");
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw fieldError("url", "must not point to a loopback, private or link-local address");
  }
}
