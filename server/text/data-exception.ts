/**
 * PostgreSQL "data exception" errors (SQLSTATE class 22: unstorable characters, out-of-range numbers, bad text
 * representations) are caused by the values sent, not by the server: a message for a 422, else undefined.
 */
export function dataException(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = typeof e === "object" && "code" in e ? (e as { code?: unknown }).code : undefined;
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code))
      return "A value cannot be stored (out of range or holding characters the database refuses)";
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
