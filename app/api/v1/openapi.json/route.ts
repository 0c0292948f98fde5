import { openapiOp } from "@/server/operations/health";
import { route } from "@/server/http/route";
import { openApiDocument } from "@/server/operations/openapi-document";
import { settings } from "@/config/settings";

export const GET = route(openapiOp, async () => Response.json(openApiDocument(settings().APP_URL)));
