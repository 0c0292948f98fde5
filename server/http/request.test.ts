import { describe, expect, it } from "vitest";
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
  it("takes the first X-Forwarded-For hop", () => {
    expect(clientIp(new Request("http://x", { headers: { "x-forwarded-for": "1.2.3.4, 10.0.0.1" } }))).toBe("1.2.3.4");
    expect(clientIp(new Request("http://x"))).toBe("local");
    expect(clientIp(new Headers({ "x-real-ip": "5.6.7.8" }))).toBe("5.6.7.8");
  });
});
