import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { customFields } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getProjectForActorOrThrow } from "../projects/internal";
import { getFieldForActorOrThrow, toField } from "./internal";
import type { CustomField } from "./schemas";

/** The project's fields in their order; anyone who can see the project (viewers too). */
export async function listFields(args: { ctx: ServiceContext; projectId: string; page: PageQuery }): Promise<Page<CustomField>> {
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.number().int(), z.uuid()]));
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const rows = await db
    .select()
    .from(customFields)
    .where(
      and(
        eq(customFields.projectId, project.id),
        after ? sql`(${customFields.position}, ${customFields.id}) > (${after[0]}::int, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(customFields.position), asc(customFields.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (f) => [f.position, f.id], toField);
}

export async function getField(args: { ctx: ServiceContext; fieldId: string }): Promise<CustomField> {
  const db = await dbFor(args.ctx);
  const { field } = await getFieldForActorOrThrow({ db, ctx: args.ctx, fieldId: args.fieldId, action: "project.read" });
  return toField(field);
}
