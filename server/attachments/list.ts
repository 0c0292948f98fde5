import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { attachments } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getTaskForActorOrThrow } from "../tasks/internal";
import { toAttachments } from "./internal";
import type { Attachment } from "./schemas";

export async function listAttachments(args: { ctx: ServiceContext; ref: string; page: PageQuery }): Promise<Page<Attachment>> {
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  const db = await dbFor(args.ctx);
  const { task } = await getTaskForActorOrThrow({ db, ctx: args.ctx, ref: args.ref, action: "project.read" });
  const rows = await db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.taskId, task.id),
        after ? sql`(${attachments.createdAt}, ${attachments.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
    .limit(page.limit + 1);
  const result = toPage(
    rows,
    page.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => r,
  );
  return { data: await toAttachments(db, result.data), nextCursor: result.nextCursor };
}
