import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "@/config/trusted-proxies";
import { clientIp, parseIfMatch, requestIdOf } from "./request";

describe("parseIfMatch", () => {
  it("reads strong, weak and bare versions", () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch("7")).toBe(7);
  });
  it("treats absent and * as no precondition, garbage as invalid", () => {
    expect(parseIfMatch(null)).toBeUndefined();
    expect(parseIfMatch("*")).toBeUndefined();
    expect(parseIfMatch('"abc"')).toBeNaN();
  });
});

describe("request metadata", () => {
  it("keeps a sane X-Request-Id and replaces an unsafe one", () => {
    expect(requestIdOf(new Request("http://x", { headers: { "x-request-id": "abc-12345" } }))).toBe("abc-12345");
    expect(requestIdOf(new Request("http://x", { headers: { "x-request-id": "<script>" } }))).not.toBe("<script>");
  });
  it("takes the client from the right of X-Forwarded-For under the configured trust", () => {
    const xff = (v: string) => new Request("http://x", { headers: { "x-forwarded-for": v } });
    expect(clientIp(xff("9.9.9.9, 1.2.3.4"))).toBe("1.2.3.4"); // tests run with TRUSTED_PROXIES=1
    expect(clientIp(new Request("http://x"))).toBe("unknown");
    expect(clientIp(new Headers({ "x-real-ip": "5.6.7.8" }))).toBe("unknown");
    expect(clientIp({ headers: { "x-forwarded-for": ["7.7.7.7", "2001:db8::1"] } })).toBe("2001:db8::1");
  });
});

describe("clientAddress", () => {
  const parse = (v?: string) => trustedProxies.parse(v);
  it("ignores X-Forwarded-For when nobody is trusted (the default)", () => {
    expect(clientAddress("1.2.3.4", parse(undefined))).toBeNull();
    expect(clientAddress("1.2.3.4", parse("0"))).toBeNull();
  });
  it("with a hop count, takes the N-th entry from the right, so entries a client forged on the left never count", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.9", parse("1"))).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", parse("2"))).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", parse("3"))).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, not-an-ip", parse("1"))).toBeNull();
    expect(clientAddress("::ffff:203.0.113.9", parse("1"))).toBe("203.0.113.9");
  });
  it("with CIDRs, skips trusted proxies from the right and takes the first untrusted hop", () => {
    const trust = parse("10.0.0.0/8, fd00::/8, 192.0.2.7");
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.1.2.3, 192.0.2.7", trust)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 2001:db8::5, fd00::1", trust)).toBe("2001:db8::5");
    expect(clientAddress("10.0.0.1", trust)).toBe("10.0.0.1");
    expect(clientAddress("junk, 10.0.0.1", trust)).toBeNull();
  });
  it("refuses a value that is neither a count nor a network", () => {
    expect(trustedProxies.safeParse("10.0.0.0/33").success).toBe(false);
    expect(trustedProxies.safeParse("proxy.local").success).toBe(false);
  });
});
