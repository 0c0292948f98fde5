import { describe, expect, it } from "vitest";
import { isBackendUnavailable } from "./errors";

// What node-postgres and drizzle throw when PostgreSQL is down or restarting, as they shape it.
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) => new Error("Failed query: select 1\nparams: ", { cause });

describe("isBackendUnavailable", () => {
  it("recognises refused and dropped connections, from the driver or wrapped by drizzle", () => {
    expect(isBackendUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
    expect(isBackendUnavailable(wrapped(withCode("terminating connection due to administrator command", "57P01")))).toBe(true);
    expect(isBackendUnavailable(wrapped(withCode("the database system is starting up", "57P03")))).toBe(true);
    expect(isBackendUnavailable(wrapped(withCode("connection failure", "08006")))).toBe(true);
    expect(isBackendUnavailable(wrapped(new Error("Connection terminated unexpectedly")))).toBe(true);
    expect(isBackendUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isBackendUnavailable(new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")]))).toBe(true);
  });

  it("leaves the request's own faults and bugs alone", () => {
    expect(isBackendUnavailable(wrapped(withCode("duplicate key value violates unique constraint", "23505")))).toBe(false);
    expect(isBackendUnavailable(wrapped(withCode("invalid byte sequence for encoding", "22021")))).toBe(false);
    expect(isBackendUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    // A wrapper's message quotes the query and its parameters: a title saying "Connection terminated" is not an outage.
    expect(isBackendUnavailable(new Error("Failed query: insert\nparams: Connection terminated", { cause: withCode("x", "23505") }))).toBe(
      false,
    );
    expect(isBackendUnavailable(undefined)).toBe(false);
    expect(isBackendUnavailable("ECONNREFUSED")).toBe(false);
  });
});
