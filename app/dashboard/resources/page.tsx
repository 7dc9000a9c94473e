import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { ResourceForm, ResourceTypeForm } from "@/components/dashboard/resource-forms";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { canManage, listResources } from "@/lib/catalogue";
import { requireStaffMember } from "../../_lib/session";
import {
  createResourceAction,
  createResourceTypeAction,
  deleteResourceTypeAction,
  renameResourceTypeAction,
  updateResourceAction,
} from "./actions";

export const metadata: Metadata = { title: "Rooms and equipment" };

export default async function ResourcesPage() {
  const { actor } = await requireStaffMember();
  const { types, resources } = await listResources(actor);
  const manager = canManage(actor);
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader
        title="Rooms and equipment"
        description="A service that needs a type (say, a treatment room) gets a free one of that type with every booking."
      />
      <Card>
        <CardHeader>
          <CardTitle>Types</CardTitle>
          <CardDescription>
            E.g. “Treatment room” or “Laser”. Choose a type on a service to require it.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          {types.length === 0 ? <p className="text-sm text-muted-foreground">No types yet.</p> : null}
          {types.map((t) => (
            <ResourceTypeForm
              key={t.id}
              type={t}
              rename={renameResourceTypeAction}
              remove={deleteResourceTypeAction}
              canEdit={manager}
            />
          ))}
          {manager ? <ResourceTypeForm create={createResourceTypeAction} canEdit /> : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Rooms and equipment</CardTitle>
          <CardDescription>
            Deactivate one that is out of use; past bookings keep pointing at it.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          {resources.length === 0 ? <p className="text-sm text-muted-foreground">None yet.</p> : null}
          {resources.map((r) => (
            <ResourceForm
              key={r.id}
              resource={r}
              update={updateResourceAction}
              types={types}
              canEdit={manager}
            />
          ))}
          {manager && types.length ? (
            <ResourceForm create={createResourceAction} types={types} canEdit />
          ) : null}
          {manager && !types.length ? (
            <p className="text-sm text-muted-foreground">Add a type first, then its rooms or equipment.</p>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
