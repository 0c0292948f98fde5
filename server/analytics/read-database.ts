import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projects } from "@/db/schema";
import { logger } from "@/config/log";
import { projectDataVersion } from "./data-version";
import type { ServiceContext } from "../context";
import { readDatabase } from "../transaction";

export type ProjectVersion = { id: string; dataVersion: number };

/**
 * Where a cache miss computes its figures: the replica once it holds every event the cache key names
 * (read on the primary), else the primary, so a lagging replica never stores stale figures under a
 * fresh key. A replica that cannot answer also falls back to the primary.
 */
export async function analyticsDatabase(ctx: ServiceContext, primary: Database, versions: ProjectVersion[]): Promise<Database> {
  const replica = await readDatabase(ctx);
  if (replica === primary || versions.length === 0) return replica;
  try {
    const rows = await replica
      .select({ id: projects.id, dataVersion: projectDataVersion })
      .from(projects)
      .where(
        inArray(
          projects.id,
          versions.map((p) => p.id),
        ),
      );
    const seen = new Map(rows.map((r) => [r.id, r.dataVersion]));
    return versions.every((p) => (seen.get(p.id) ?? -1) >= p.dataVersion) ? replica : primary;
  } catch (err) {
    logger().warn({ err }, "analytics replica unavailable; reading the primary");
    return primary;
  }
}
