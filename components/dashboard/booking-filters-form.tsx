import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { BOOKING_STATUSES } from "@/lib/db";
import { statusLabel } from "./status-badge";

type Option = { id: string; name: string };
type Values = {
  from?: string;
  to?: string;
  status?: string;
  staffId?: string;
  serviceId?: string;
  customer?: string;
};

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked, shared and exported. */
export function BookingFiltersForm({
  values,
  errors,
  staff,
  services,
}: {
  values: Values;
  errors: Record<string, string>;
  staff: Option[];
  services: Option[];
}) {
  const field = (id: keyof Values) => ({
    id: `f-${id}`,
    name: id,
    defaultValue: values[id] ?? "",
    ...fieldAria(`f-${id}`, errors[id]),
  });
  return (
    <search>
      <form
        action="/dashboard/bookings"
        className="grid gap-3 rounded-md border p-3 sm:grid-cols-3 lg:grid-cols-6"
      >
        <FormField label="From" htmlFor="f-from" error={errors.from}>
          <Input type="date" {...field("from")} />
        </FormField>
        <FormField label="To" htmlFor="f-to" error={errors.to}>
          <Input type="date" {...field("to")} />
        </FormField>
        <FormField label="Status" htmlFor="f-status" error={errors.status}>
          <NativeSelect {...field("status")}>
            <option value="">Any</option>
            {BOOKING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Staff" htmlFor="f-staffId" error={errors.staffId}>
          <NativeSelect {...field("staffId")}>
            <option value="">Anyone</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Service" htmlFor="f-serviceId" error={errors.serviceId}>
          <NativeSelect {...field("serviceId")}>
            <option value="">Any</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Customer" htmlFor="f-customer" error={errors.customer}>
          <Input type="search" placeholder="Name, email or phone" {...field("customer")} />
        </FormField>
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <Button type="submit" size="sm">
            Apply filters
          </Button>
          <Button asChild size="sm" variant="ghost">
            <Link href="/dashboard/bookings?from=">Show all</Link>
          </Button>
        </div>
      </form>
    </search>
  );
}
