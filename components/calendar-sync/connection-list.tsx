"use client";
import { useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

type Result = { ok: true } | { ok: false; message: string };
export type ConnectionItem = {
  id: string;
  label: string;
  serverUrl: string;
  status: "active" | "broken";
  lastSyncedAt: string | null;
  lastError: string | null;
  calendars: { id: string; displayName: string; checkConflicts: boolean; writeBookings: boolean }[];
};
export type ConnectionActions = {
  choose: (input: { calendarId: string; checkConflicts: boolean; writeBookings: boolean }) => Promise<Result>;
  syncNow: (input: { connectionId: string }) => Promise<Result>;
  disconnect: (input: { connectionId: string }) => Promise<Result>;
};

/** Each connection with its last sync and error, and per calendar: check for conflicts / write bookings here. */
export function ConnectionList({
  connections,
  actions,
}: {
  connections: ConnectionItem[];
  actions: ConnectionActions;
}) {
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<Result>, done?: string) =>
    start(async () => {
      const result = await fn();
      if (!result.ok) toast({ title: result.message, variant: "destructive" });
      else if (done) toast({ title: done, variant: "success" });
    });
  if (!connections.length) return <p className="text-sm text-muted-foreground">No calendars connected.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {connections.map((c) => (
        <li key={c.id} className="rounded-md border p-3 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">
              {c.label} <span className="text-muted-foreground">({c.serverUrl})</span>
            </span>
            {c.status === "broken" ? <Badge variant="outline">Needs the password again</Badge> : null}
          </div>
          <p className="mt-1 text-muted-foreground" data-testid="last-sync">
            {c.lastSyncedAt ? `Last synced ${new Date(c.lastSyncedAt).toLocaleString()}` : "Not synced yet"}
          </p>
          {c.lastError ? <p className="mt-1 text-destructive">Last error: {c.lastError}</p> : null}
          <table className="mt-2 w-full">
            <thead>
              <tr className="text-left text-xs text-muted-foreground">
                <th className="font-normal">Calendar</th>
                <th className="font-normal">Check for conflicts</th>
                <th className="font-normal">Write bookings here</th>
              </tr>
            </thead>
            <tbody>
              {c.calendars.map((cal) => (
                <tr key={cal.id}>
                  <td>{cal.displayName}</td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Check ${cal.displayName} for conflicts`}
                      checked={cal.checkConflicts}
                      disabled={pending}
                      onChange={(e) =>
                        run(() => actions.choose({ ...pick(cal), checkConflicts: e.currentTarget.checked }))
                      }
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="writer-calendar"
                      aria-label={`Write bookings to ${cal.displayName}`}
                      checked={cal.writeBookings}
                      disabled={pending}
                      onChange={() => run(() => actions.choose({ ...pick(cal), writeBookings: true }))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-2 flex gap-2">
            <Button
              size="sm"
              variant="outline"
              disabled={pending}
              onClick={() => run(() => actions.syncNow({ connectionId: c.id }), "Synced")}
            >
              Sync now
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={pending}
              onClick={() => run(() => actions.disconnect({ connectionId: c.id }))}
            >
              Disconnect<span className="sr-only"> {c.label}</span>
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}

const pick = (cal: ConnectionItem["calendars"][number]) => ({
  calendarId: cal.id,
  checkConflicts: cal.checkConflicts,
  writeBookings: cal.writeBookings,
});
