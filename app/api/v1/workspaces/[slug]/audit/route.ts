import { listAuditOp } from "@/server/operations/audit";
import { route } from "@/server/http/route";
import { listAudit } from "@/server/audit";

export const GET = route(listAuditOp, ({ ctx, params, query }) => listAudit({ ctx, slug: params.slug, query }));
