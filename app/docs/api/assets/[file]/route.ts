import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Swagger UI's files, served from the installed swagger-ui-dist package so the reference page loads
 * nothing from another host. Only these names are served.
 */
const FILES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "init.js": "text/javascript; charset=utf-8",
};

/** No validator badge (it would call validator.swagger.io), our own document, requests with the session. */
const INIT = `window.addEventListener("load", function () {
  window.SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
    withCredentials: true,
    persistAuthorization: false,
  });
});
`;

export async function GET(_request: Request, context: { params: Promise<{ file: string }> }) {
  const { file } = await context.params;
  const type = FILES[file];
  if (!type) return new Response("Not found", { status: 404 });
  const body =
    file === "init.js"
      ? INIT
      : await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", file));
  return new Response(body, {
    headers: {
      "content-type": type,
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff",
    },
  });
}
