import { docsOp } from "@/server/api/health";
import { route } from "@/server/http/route";
import { renderDocs } from "@/server/http/docs";
import { openApiDocument } from "@/server/http/openapi";
import { settings } from "@/server/settings";

export const GET = route(docsOp, async () =>
  new Response(renderDocs(openApiDocument(settings().APP_URL)), { headers: { "content-type": "text/html; charset=utf-8" } }),
);
