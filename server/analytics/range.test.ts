import { describe, expect, it } from "vitest";
import type { ServiceError } from "../errors";
import { mondayOf, resolveRange, safeTimezone, todayIn } from "./range";

const now = new Date("2025-03-13T23:30:00Z"); // a Thursday in UTC, already Friday in Tokyo

describe("range", () => {
  it("finds Mondays and local dates", () => {
    expect(mondayOf("2025-03-13")).toBe("2025-03-10");
    expect(mondayOf("2025-03-10")).toBe("2025-03-10");
    expect(mondayOf("2025-03-16")).toBe("2025-03-10");
    expect(todayIn("UTC", now)).toBe("2025-03-13");
    expect(todayIn("Asia/Tokyo", now)).toBe("2025-03-14");
    expect(safeTimezone("Not/AZone")).toBe("UTC");
  });

  it("defaults to 12 weekly buckets ending today in the zone", () => {
    expect(resolveRange({}, "UTC", now)).toEqual({
      from: "2024-12-23",
      to: "2025-03-13",
      timezone: "UTC",
      today: "2025-03-13",
      weekStart: "2025-03-10",
    });
    expect(resolveRange({ to: "2025-01-05" }, "UTC", now).from).toBe("2024-10-14");
  });

  it("refuses bad ranges with field errors", () => {
    const errorsOf = (q: object) => {
      try {
        resolveRange(q, "UTC", now);
        return [];
      } catch (e) {
        return (e as ServiceError).extra.errors?.map((x) => x.path);
      }
    };
    expect(errorsOf({ from: "2025-02-29" })).toEqual(["from"]);
    expect(errorsOf({ to: "junk" })).toEqual(["to"]);
    expect(errorsOf({ from: "2025-03-14" })).toEqual(["from"]);
    expect(errorsOf({ from: "2022-03-12", to: "2024-03-12" })).toEqual([]);
    expect(errorsOf({ from: "2022-03-11", to: "2024-03-12" })).toEqual(["from"]);
  });
});
