import { openapiOp } from "@/server/api/health";
import { route } from "@/server/http/route";
import { openApiDocument } from "@/server/http/openapi";
import { settings } from "@/server/settings";

export const GET = route(openapiOp, async () => Response.json(openApiDocument(settings().APP_URL)));
