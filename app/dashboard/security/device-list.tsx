"use client";
import { useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

export type DeviceRow = {
  id: string;
  browser: string;
  ip: string | null;
  created: string;
  lastSeen: string;
  current: boolean;
};

/** The user's signed-in devices; dates arrive formatted in the practice's time zone. */
export function DeviceList({ devices }: { devices: DeviceRow[] }) {
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<{ ok: boolean; message?: string }>, done: string) =>
    startTransition(async () => {
      const result = await action();
      toast(
        result.ok
          ? { title: done }
          : { title: result.message ?? "Something went wrong", variant: "destructive" },
      );
    });
  const others = devices.filter((d) => !d.current).length;
  return (
    <div className="flex flex-col gap-4">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Device</TableHead>
            <TableHead>IP address</TableHead>
            <TableHead>Signed in</TableHead>
            <TableHead>Last active</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {devices.map((d) => (
            <TableRow key={d.id} data-testid="device-session">
              <TableCell>
                {d.browser} {d.current && <Badge variant="secondary">This device</Badge>}
              </TableCell>
              <TableCell className="font-mono text-xs">{d.ip ?? "unknown"}</TableCell>
              <TableCell>{d.created}</TableCell>
              <TableCell>{d.lastSeen}</TableCell>
              <TableCell className="text-right">
                {!d.current && (
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={pending}
                    onClick={() => run(() => revokeSessionAction({ sessionId: d.id }), "Device signed out")}
                  >
                    Sign out
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {others > 0 && (
        <Button
          variant="outline"
          className="self-start"
          disabled={pending}
          onClick={() => run(() => revokeOtherSessionsAction({}), "Signed out everywhere else")}
        >
          Sign out all other devices
        </Button>
      )}
    </div>
  );
}
