"use client";
import { useTransition } from "react";
import type { ServerAction } from "@/components/forms/action-result";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

/** Deactivate (or bring back) a service from the list; existing bookings are untouched. */
export function ServiceActiveToggle({
  id,
  name,
  isActive,
  setActive,
}: {
  id: string;
  name: string;
  isActive: boolean;
  setActive: ServerAction;
}) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      aria-label={`${isActive ? "Deactivate" : "Reactivate"} ${name}`}
      onClick={() =>
        start(async () => {
          const result = await setActive({ id, isActive: !isActive });
          toast(
            result.ok
              ? { title: isActive ? `${name} deactivated` : `${name} is active again` }
              : { title: result.message, variant: "destructive" },
          );
        })
      }
    >
      {isActive ? "Deactivate" : "Reactivate"}
    </Button>
  );
}
