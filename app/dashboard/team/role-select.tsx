"use client";
import { useTransition } from "react";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { changeRoleAction } from "./actions";

const ROLES = [
  ["owner", "Owner"],
  ["manager", "Manager"],
  ["staff", "Staff"],
] as const;

/** Changes apply on the member's next request; the select snaps back if the change is refused. */
export function RoleSelect({ userId, name, role }: { userId: string; name: string; role: string }) {
  const [pending, start] = useTransition();
  return (
    <NativeSelect
      aria-label={`Role of ${name}`}
      defaultValue={role}
      disabled={pending}
      className="h-8 w-32"
      onChange={(event) => {
        const select = event.currentTarget;
        const next = select.value;
        start(async () => {
          const result = await changeRoleAction({ userId, role: next });
          if (result.ok) {
            toast({ title: `${name} is now ${next === "owner" ? "an owner" : `a ${next}`}` });
          } else {
            select.value = role;
            toast({ title: result.fieldErrors.role ?? result.message, variant: "destructive" });
          }
        });
      }}
    >
      {ROLES.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </NativeSelect>
  );
}
