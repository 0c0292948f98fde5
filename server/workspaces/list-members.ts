import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { users, workspaceMembers } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getWorkspaceForActorOrThrow } from "./internal";
import type { Member } from "./schemas";

export async function listMembers(args: { ctx: ServiceContext; slug: string; page: PageQuery }): Promise<Page<Member>> {
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.string()]));
  const db = await dbFor(args.ctx);
  const { workspace } = await getWorkspaceForActorOrThrow({ db, ctx: args.ctx, slug: args.slug, action: "workspace.read" });
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(and(eq(workspaceMembers.workspaceId, workspace.id), after ? gt(users.email, after[0]) : undefined))
    .orderBy(asc(users.email))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (r) => [r.email],
    (r) => ({ user: { id: r.id, name: r.name, email: r.email }, role: r.role }),
  );
}
