import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";

export const metadata: Metadata = { title: "API reference" };

/**
 * The interactive API reference: Swagger UI over /api/v1/openapi.json, every file served by Boka itself
 * (see ./assets), its scripts carrying this request's CSP nonce.
 */
export default async function ApiReferencePage() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <link rel="stylesheet" href="/docs/api/assets/swagger-ui.css" />
      <p className="text-sm text-muted-foreground">
        The guide — keys, scopes, limits, pagination, idempotency, errors — is in docs/api.md.{" "}
        <Link className="underline" href="/api/v1/openapi.json">
          Download the OpenAPI document
        </Link>
        .
      </p>
      <div id="swagger-ui" />
      <script nonce={nonce} src="/docs/api/assets/swagger-ui-bundle.js" defer />
      <script nonce={nonce} src="/docs/api/assets/init.js" defer />
    </main>
  );
}
