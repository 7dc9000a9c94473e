"use client";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describeError, type PublicStaff, publicApi } from "./api";
import type { StaffChoice } from "./wizard-state";

export const ANYONE: StaffChoice = { id: null, name: "Anyone available" };

const optionClass =
  "flex min-h-12 w-full items-center rounded-md border border-input px-4 py-3 text-left text-sm font-medium outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2";

type Loaded = { key: string; staff: PublicStaff[] } | { key: string; error: string };

/** "Anyone available" or one of the people who perform the service. */
export function StaffStep({
  slug,
  serviceId,
  onChoose,
}: {
  slug: string;
  serviceId: string;
  onChoose: (staff: StaffChoice) => void;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = `${serviceId}:${attempt}`;

  useEffect(() => {
    const controller = new AbortController();
    publicApi
      .staff(slug, serviceId, controller.signal)
      .then((body) => setLoaded({ key, staff: body.data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ key, error: describeError(error) });
      });
    return () => controller.abort();
  }, [slug, serviceId, key]);

  const current = loaded?.key === key ? loaded : null;
  if (!current) {
    return (
      <p role="status" className="text-sm text-muted-foreground">
        Loading the team…
      </p>
    );
  }
  if ("error" in current) {
    return (
      <Alert variant="destructive" className="flex flex-col items-start gap-2">
        {current.error}
        <Button variant="outline" size="sm" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (current.staff.length === 0) {
    return (
      <p className="text-sm">No one offers this service online at the moment. Please contact the practice.</p>
    );
  }
  return (
    <ul className="flex flex-col gap-2">
      {[ANYONE, ...current.staff].map((member) => (
        <li key={member.id ?? "anyone"}>
          <button
            type="button"
            className={optionClass}
            data-staff-id={member.id ?? ""}
            onClick={() => onChoose({ id: member.id, name: member.name })}
          >
            {member.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
