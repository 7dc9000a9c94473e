import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DateOverridesEditor } from "@/components/dashboard/date-overrides-editor";
import { PageHeader } from "@/components/dashboard/page-header";
import { StaffForm } from "@/components/dashboard/staff-form";
import { TimeOffEditor } from "@/components/dashboard/time-off-editor";
import { WeeklyHoursEditor } from "@/components/dashboard/weekly-hours-editor";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { canManage, getStaffForm, getStaffSchedule, listLinkableMembers } from "@/lib/catalogue";
import { NotFound } from "@/lib/errors";
import { timeZoneOptions } from "@/lib/tenants/fields";
import { currentPractice, requireStaffMember } from "../../../_lib/session";
import {
  addTimeOffAction,
  deleteDateOverrideAction,
  deleteTimeOffAction,
  saveDateOverrideAction,
  saveWeeklyHoursAction,
  updateStaffAction,
} from "../actions";
import { CalendarSection } from "./calendar-section";

export const metadata: Metadata = { title: "Staff member" };

export default async function StaffMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireStaffMember();
  if (!z.uuid().safeParse(id).success) notFound();
  const tenant = await currentPractice();
  const [profile, schedule] = await Promise.all([getStaffForm(actor, id), getStaffSchedule(actor, id)]).catch(
    (error: unknown) => {
      if (error instanceof NotFound) notFound();
      throw error;
    },
  );
  const manager = canManage(actor);
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader
        title={schedule.displayName}
        description={`Hours are in ${schedule.timeZone}${profile.timeZone ? "" : " (the practice's time zone)"}.`}
      />
      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
        </CardHeader>
        <CardContent>
          <StaffForm
            id={id}
            update={updateStaffAction}
            initial={profile.values}
            members={await listLinkableMembers(actor)}
            timeZones={timeZoneOptions()}
            practiceTimeZone={tenant.timeZone}
            canEdit={manager}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Weekly hours</CardTitle>
          <CardDescription>
            Several intervals a day are fine, e.g. 09:00–12:00 and 13:00–17:00.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <WeeklyHoursEditor
            staffId={id}
            initial={schedule.weekly}
            canEdit={manager}
            save={saveWeeklyHoursAction}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Date overrides</CardTitle>
          <CardDescription>Different hours on a given date, or closed that day.</CardDescription>
        </CardHeader>
        <CardContent>
          <DateOverridesEditor
            staffId={id}
            overrides={schedule.overrides}
            canEdit={manager}
            save={saveDateOverrideAction}
            remove={deleteDateOverrideAction}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Time off</CardTitle>
          <CardDescription>Holidays, appointments, training — in {schedule.timeZone} time.</CardDescription>
        </CardHeader>
        <CardContent>
          <TimeOffEditor
            staffId={id}
            entries={schedule.timeOff}
            canEdit={manager}
            add={addTimeOffAction}
            remove={deleteTimeOffAction}
          />
        </CardContent>
      </Card>
      <CalendarSection actor={actor} staffId={id} linkedUserId={profile.values.userId} />
    </div>
  );
}
