import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor, toPage } from "./pagination";
import { ServiceError } from "./errors";

describe("keyset cursors", () => {
  it("round-trip the sort key", () => {
    const c = encodeCursor(["2026-01-01T00:00:00.000Z", "id-1"]);
    expect(decodeCursor(c, z.tuple([z.string(), z.string()]))).toEqual(["2026-01-01T00:00:00.000Z", "id-1"]);
  });
  it("reject a malformed cursor as a bad request", () => {
    expect(() => decodeCursor("not-base64-json", z.tuple([z.string()]))).toThrow(ServiceError);
    expect(() => decodeCursor(encodeCursor([1]), z.tuple([z.string()]))).toThrow(/cursor/);
  });
  it("serve limit rows and point past the last", () => {
    const page = toPage(
      [1, 2, 3],
      2,
      (n) => [n],
      (n) => n * 10,
    );
    expect(page.data).toEqual([10, 20]);
    expect(decodeCursor(page.nextCursor!, z.tuple([z.number()]))).toEqual([2]);
    expect(
      toPage(
        [1],
        2,
        (n) => [n],
        (n) => n,
      ).nextCursor,
    ).toBeNull();
  });
});
