import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeyRowActions } from "@/components/dashboard/api-key-actions";
import { NewApiKeyForm } from "@/components/dashboard/api-key-form";
import { formatDateTime } from "@/components/dashboard/format";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { type ApiKeySummary, listApiKeys } from "@/lib/api-keys";
import { can } from "@/lib/auth";
import { currentPractice, requireStaffMember } from "../../../_lib/session";
import { NotAllowed } from "../../not-allowed";
import { createApiKeyAction, revokeApiKeyAction, rollApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

function state(key: ApiKeySummary, now: Date): { label: string; live: boolean } {
  if (key.revokedAt) return { label: "Revoked", live: false };
  if (key.expiresAt && key.expiresAt <= now) return { label: "Expired", live: false };
  return { label: "Active", live: true };
}

export default async function ApiKeysPage() {
  const { actor } = await requireStaffMember();
  if (!can(actor.role, "settings.api_keys")) return <NotAllowed action="settings.api_keys" />;
  const [keys, tenant] = [await listApiKeys(actor), await currentPractice()];
  const now = new Date();
  const when = (d: Date | null) => (d ? formatDateTime(d, tenant.timeZone) : "—");
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader
        title="API keys"
        description="Keys let your other systems use the Boka API as this practice, limited to the scopes you choose."
      />
      <p className="text-sm">
        <Link className="underline" href="/docs/api">
          API reference
        </Link>{" "}
        — every endpoint, its scopes and examples.
      </p>
      {keys.length === 0 ? (
        <p className="text-sm text-muted-foreground">No keys yet.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Key</TableHead>
              <TableHead>Scopes</TableHead>
              <TableHead>Last used</TableHead>
              <TableHead>Expires</TableHead>
              <TableHead>State</TableHead>
              <TableHead className="sr-only">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {keys.map((key) => {
              const s = state(key, now);
              return (
                <TableRow key={key.id}>
                  <TableCell>{key.name}</TableCell>
                  <TableCell>
                    <code>{key.prefix}…</code>
                  </TableCell>
                  <TableCell className="text-xs">{key.scopes.join(", ")}</TableCell>
                  <TableCell>{when(key.lastUsedAt)}</TableCell>
                  <TableCell>{when(key.expiresAt)}</TableCell>
                  <TableCell>
                    <Badge variant={s.live ? "default" : "secondary"}>{s.label}</Badge>
                  </TableCell>
                  <TableCell className="text-right">
                    {s.live ? (
                      <ApiKeyRowActions
                        id={key.id}
                        name={key.name}
                        roll={rollApiKeyAction}
                        revoke={revokeApiKeyAction}
                      />
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Card>
        <CardHeader>
          <CardTitle>Create a key</CardTitle>
        </CardHeader>
        <CardContent>
          <NewApiKeyForm action={createApiKeyAction} owner={actor.role === "owner"} />
        </CardContent>
      </Card>
    </div>
  );
}
