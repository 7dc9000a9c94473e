import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getMfaPolicy, getMfaStatus, listDeviceSessions } from "@/lib/auth";
import { currentPractice, requireStaffMember } from "../../_lib/session";
import { DeviceList, type DeviceRow } from "./device-list";
import { EnrolMfa } from "./enrol-mfa";
import { ManageMfa } from "./manage-mfa";
import { MfaPolicyForm } from "./mfa-policy-form";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const { context, actor } = await requireStaffMember();
  const tenant = await currentPractice();
  const [status, devices, policy] = await Promise.all([
    getMfaStatus(context.user.id),
    listDeviceSessions(context.session),
    getMfaPolicy(actor),
  ]);
  const when = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: tenant.timeZone,
  });
  const rows: DeviceRow[] = devices.map((d) => ({
    id: d.id,
    browser: d.browser,
    ip: d.ip,
    created: when.format(d.createdAt),
    lastSeen: when.format(d.lastSeenAt),
    current: d.current,
  }));
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Security</h1>
      <Card>
        <CardHeader>
          <CardTitle>Two-factor authentication</CardTitle>
          <CardDescription>
            {status.enabled && status.enabledAt ? (
              <>
                <Badge variant="secondary" data-testid="mfa-status">
                  On
                </Badge>{" "}
                Two-factor authentication is on since {when.format(status.enabledAt)}. You have{" "}
                {status.backupCodesLeft} unused backup codes.
              </>
            ) : (
              <>
                <Badge variant="outline" data-testid="mfa-status">
                  Off
                </Badge>{" "}
                Protect your account with a code from an authenticator app on your phone, asked for after your
                password.
              </>
            )}
          </CardDescription>
        </CardHeader>
        <CardContent>{status.enabled ? <ManageMfa /> : <EnrolMfa />}</CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Where you are signed in</CardTitle>
          <CardDescription>
            Sign out any device you do not recognise, then change your password.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DeviceList devices={rows} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Practice requirement</CardTitle>
          <CardDescription>
            {actor.role === "owner"
              ? "Team members in these roles must set up two-factor authentication before they can use the dashboard."
              : "Set by the practice owner."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <MfaPolicyForm initial={policy} canEdit={actor.role === "owner"} />
        </CardContent>
      </Card>
    </div>
  );
}
