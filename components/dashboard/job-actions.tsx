"use client";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

type Result = { ok: true; data: unknown } | { ok: false; message: string };
type JobRef = { id: string; tenantId: string };
type JobAction = (raw: JobRef) => Promise<Result>;

/** Retry and discard for one job; the page passes its server actions in. */
export function JobActions({
  job,
  label,
  retry,
  discard,
}: {
  job: JobRef;
  label: string;
  retry: JobAction;
  discard: JobAction;
}) {
  const [pending, start] = useTransition();
  const run = (action: JobAction, done: string) =>
    start(async () => {
      const result = await action({ id: job.id, tenantId: job.tenantId });
      toast(result.ok ? { title: done } : { title: result.message, variant: "destructive" });
    });
  return (
    <div className="flex justify-end gap-2">
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() => run(retry, "Job queued to run now")}
      >
        Retry<span className="sr-only"> {label}</span>
      </Button>
      <Button variant="ghost" size="sm" disabled={pending} onClick={() => run(discard, "Job discarded")}>
        Discard<span className="sr-only"> {label}</span>
      </Button>
    </div>
  );
}

/** Queues every dead job again. */
export function RetryDeadButton({ retryDead }: { retryDead: () => Promise<Result> }) {
  const [pending, start] = useTransition();
  return (
    <Button
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await retryDead();
          toast(
            result.ok
              ? { title: `${String(result.data)} dead job(s) queued` }
              : { title: result.message, variant: "destructive" },
          );
        })
      }
    >
      Retry all dead jobs
    </Button>
  );
}
