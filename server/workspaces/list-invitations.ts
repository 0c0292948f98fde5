import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { invitations } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { decodeCursor, encodeCursor, PageQuery, type Page } from "../pagination";
import { getWorkspaceForActorOrThrow } from "./internal";
import { withDelivery } from "./invitation-delivery";
import type { PendingInvitation } from "./schemas";

// Milliseconds, as a JavaScript Date holds them, so the cursor's key compares exactly.
const createdMs = sql`date_trunc('milliseconds', ${invitations.createdAt})`;

/** Pending (not accepted) invitations, newest first, each with its email's delivery status; for those who manage members. */
export async function listInvitations(args: { ctx: ServiceContext; slug: string; page: PageQuery }): Promise<Page<PendingInvitation>> {
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  const db = await dbFor(args.ctx);
  const { workspace } = await getWorkspaceForActorOrThrow({ db, ctx: args.ctx, slug: args.slug, action: "workspace.members.manage" });
  const rows = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspace.id),
        isNull(invitations.acceptedAt),
        after ? sql`(${createdMs}, ${invitations.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(createdMs), desc(invitations.id))
    .limit(page.limit + 1);
  const served = rows.slice(0, page.limit);
  const last = served[served.length - 1];
  return {
    data: await withDelivery(db, served),
    nextCursor: rows.length > page.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}
