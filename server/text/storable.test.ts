import { describe, expect, it } from "vitest";
import { assertStorable, isStorableText, unstorableFields, UNSTORABLE_MESSAGE } from "./storable";
import { dataException } from "./data-exception";

describe("text PostgreSQL can store", () => {
  it("refuses NUL and unpaired surrogates, keeps pairs, RTL, emoji and the replacement character", () => {
    for (const bad of ["\u0000", "a\u0000b", "\ud800", "x\udfff", "\udc00\ud800", "ok\ud83d"])
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ["", "plain", "\ud83d\ude00", "👩‍👩‍👧‍👦", "\u202Eevil", "שלום", "\ufffd", "\\u0000"])
      expect(isStorableText(good), good).toBe(true);
  });

  it("names every bad field at any depth, in keys, arrays, FormData values and file names", () => {
    const deep = { a: { b: [{ c: "ok" }, { c: "\ud800" }] }, title: "x\u0000", ["k\u0000"]: 1 };
    expect(
      unstorableFields(deep)
        .map((e) => e.path)
        .sort(),
    ).toEqual(["a.b.1.c", "k\\u0000", "title"]);
    const form = new FormData();
    form.append("name", "fine");
    form.append("email", "a\u0000@b");
    form.append("file", new Blob(["bytes\u0000are fine"]), "evil\u0000.txt");
    expect(unstorableFields(form)).toEqual([
      { path: "file.name", message: UNSTORABLE_MESSAGE },
      { path: "email", message: UNSTORABLE_MESSAGE },
    ]);
    expect(unstorableFields(new URLSearchParams("q=%00&ok=1"))).toEqual([{ path: "q", message: UNSTORABLE_MESSAGE }]);
  });

  it("survives very deep nesting without overflowing the stack", () => {
    let v: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(unstorableFields(v)).toHaveLength(1);
  });

  it("throws a 422 ValidationError naming the fields", () => {
    expect(() => assertStorable({ title: "\ud800" }, "The body")).toThrow(/The body holds text that cannot be stored: title/);
    expect(() => assertStorable({ title: "ok" }, "The body")).not.toThrow();
  });

  it("recognises PostgreSQL data exceptions (class 22), also wrapped", () => {
    expect(dataException({ code: "22P05" })).toBeDefined();
    expect(dataException(Object.assign(new Error("wrapped"), { cause: { code: "22003" } }))).toBeDefined();
    expect(dataException({ code: "23505" })).toBeUndefined();
    expect(dataException(new Error("plain"))).toBeUndefined();
  });
});
