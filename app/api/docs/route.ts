import { docsOp } from "@/server/operations/health";
import { route } from "@/server/http/route";
import { renderDocs } from "@/server/operations/docs-page";
import { openApiDocument } from "@/server/operations/openapi-document";
import { settings } from "@/config/settings";

export const GET = route(
  docsOp,
  async () => new Response(renderDocs(openApiDocument(settings().APP_URL)), { headers: { "content-type": "text/html; charset=utf-8" } }),
);
