import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Pagination } from "@/components/dashboard/pagination";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/auth";
import { listCustomers } from "@/lib/catalogue";
import { requireStaffMember } from "../../_lib/session";

export const metadata: Metadata = { title: "Customers" };

const PAGE_SIZE = 25;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const query = first(params.q).slice(0, 120);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(params.page), 10) || 1));
  const { actor } = await requireStaffMember();
  const { rows, total } = await listCustomers(actor, { query, page, pageSize: PAGE_SIZE });
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Customers"
        description="Everyone who has booked, or whom you have added."
        actions={
          can(actor.role, "customers.manage") ? (
            <Button asChild>
              <Link href="/dashboard/customers/new">Add customer</Link>
            </Button>
          ) : undefined
        }
      />
      <search className="mb-4 block max-w-md">
        <form className="flex items-end gap-2" action="/dashboard/customers">
          <div className="grid flex-1 gap-1.5">
            <Label htmlFor="q">Search by name, email or phone</Label>
            <Input id="q" name="q" type="search" defaultValue={query} />
          </div>
          <Button type="submit" variant="outline">
            Search
          </Button>
        </form>
      </search>
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{query ? "No customers match." : "No customers yet."}</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Email</TableHead>
              <TableHead>Phone</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((c) => (
              <TableRow key={c.id}>
                <TableCell className="font-medium">
                  <Link className="underline-offset-4 hover:underline" href={`/dashboard/customers/${c.id}`}>
                    {c.name}
                  </Link>
                </TableCell>
                <TableCell>{c.email}</TableCell>
                <TableCell>{c.phone ?? ""}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination
        page={page}
        pageSize={PAGE_SIZE}
        total={total}
        href={(p) => `/dashboard/customers?${new URLSearchParams({ q: query, page: String(p) })}`}
      />
    </div>
  );
}
