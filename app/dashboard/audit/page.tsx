import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/auth";
import { AuditQuery, auditFilterOptions, queryAudit } from "@/lib/tenants";
import { currentPractice, requireStaffMember } from "../../_lib/session";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;
const FIELDS = ["actor", "action", "from", "to", "before"] as const;

function first(search: Search): Record<(typeof FIELDS)[number], string> {
  const pick = (k: string) => {
    const v = search[k];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  return {
    actor: pick("actor"),
    action: pick("action"),
    from: pick("from"),
    to: pick("to"),
    before: pick("before"),
  };
}

function href(values: Record<string, string>, before?: number): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "from", "to"]) if (values[key]) params.set(key, values[key] ?? "");
  if (before) params.set("before", String(before));
  const query = params.toString();
  return query ? `/dashboard/audit?${query}` : "/dashboard/audit";
}

/** Families first ("all team changes"), then each action seen in this practice's log. */
function actionOptions(actions: string[]): string[] {
  const families = [...new Set(actions.map((a) => `${a.split(".")[0]}.`))];
  return [...families, ...actions];
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { actor } = await requireStaffMember();
  if (!can(actor.role, "audit.view")) {
    return <Alert className="max-w-xl">The audit log is for the practice's owners and managers.</Alert>;
  }
  const values = first(await searchParams);
  const parsed = AuditQuery.safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  const [options, practice, page] = await Promise.all([
    auditFilterOptions(actor),
    currentPractice(),
    parsed.success ? queryAudit(actor, parsed.data) : null,
  ]);
  const when = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: practice.timeZone,
  });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <Card>
        <CardHeader>
          <CardTitle>Filter</CardTitle>
          <CardDescription>Dates are in the practice's time zone ({practice.timeZone}).</CardDescription>
        </CardHeader>
        <CardContent>
          <form method="get" className="grid gap-4 sm:grid-cols-5 sm:items-end">
            <FormField label="Who" htmlFor="actor" error={errors.actor}>
              <NativeSelect
                id="actor"
                name="actor"
                defaultValue={values.actor}
                {...fieldAria("actor", errors.actor)}
              >
                <option value="">Anyone</option>
                {options.actors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.email})
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField label="Action" htmlFor="action" error={errors.action}>
              <NativeSelect
                id="action"
                name="action"
                defaultValue={values.action}
                {...fieldAria("action", errors.action)}
              >
                <option value="">Any action</option>
                {actionOptions(options.actions).map((a) => (
                  <option key={a} value={a}>
                    {a.endsWith(".") ? `All ${a.slice(0, -1)} actions` : a}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField label="From" htmlFor="from" error={errors.from}>
              <Input
                id="from"
                name="from"
                type="date"
                defaultValue={values.from}
                {...fieldAria("from", errors.from)}
              />
            </FormField>
            <FormField label="To" htmlFor="to" error={errors.to}>
              <Input id="to" name="to" type="date" defaultValue={values.to} {...fieldAria("to", errors.to)} />
            </FormField>
            <div className="flex gap-2">
              <Button type="submit">Apply</Button>
              <Button asChild variant="outline">
                <Link href="/dashboard/audit">Clear</Link>
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>

      {page && (
        <Card>
          <CardContent className="pt-6">
            {page.entries.length === 0 ? (
              <p className="text-sm text-muted-foreground">No entries match these filters.</p>
            ) : (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>When</TableHead>
                    <TableHead>Who</TableHead>
                    <TableHead>Action</TableHead>
                    <TableHead>Details</TableHead>
                    <TableHead>IP</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {page.entries.map((entry) => (
                    <TableRow key={entry.id}>
                      <TableCell className="whitespace-nowrap">{when.format(entry.createdAt)}</TableCell>
                      <TableCell>
                        {entry.actorName ?? (entry.actorUserId ? "A former member" : "The system")}
                      </TableCell>
                      <TableCell>
                        <code>{entry.action}</code>
                      </TableCell>
                      <TableCell
                        className="max-w-md truncate font-mono text-xs"
                        title={JSON.stringify(entry.details)}
                      >
                        {Object.keys(entry.details).length ? JSON.stringify(entry.details) : ""}
                      </TableCell>
                      <TableCell>{entry.ip ?? ""}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
              {values.before && (
                <Link className="underline" href={href(values)}>
                  Newest entries
                </Link>
              )}
              {page.nextBefore && (
                <Link className="underline" href={href(values, page.nextBefore)}>
                  Older entries
                </Link>
              )}
            </nav>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
