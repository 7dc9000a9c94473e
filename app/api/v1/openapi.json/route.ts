import { config } from "@/lib/config";
import { json, route } from "@/lib/http";
import { openApiDocument } from "../_lib/openapi/document";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of every route, built from their zod schemas. */
export const GET = route(async () => json(openApiDocument(config().APP_URL)));
