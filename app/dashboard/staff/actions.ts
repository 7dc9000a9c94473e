"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  addTimeOff,
  createStaff,
  deleteDateOverride,
  deleteTimeOff,
  saveDateOverride,
  saveWeeklyHours,
  updateStaff,
} from "@/lib/catalogue";
import {
  DateOverrideFields,
  LocalDate,
  StaffFields,
  TimeOffFields,
  WeeklyHoursFields,
  withId,
} from "@/lib/catalogue/fields";
import { defineAction } from "../../_lib/action";
import { requireStaffMember } from "../../_lib/session";

const done = (staffId?: string) => {
  revalidatePath("/dashboard/staff");
  if (staffId) revalidatePath(`/dashboard/staff/${staffId}`);
  return null;
};

const create = defineAction(StaffFields, async (input) => {
  const { actor } = await requireStaffMember();
  const created = await createStaff(actor, input);
  done();
  return created;
});

const update = defineAction(withId(StaffFields), async ({ id, ...input }) => {
  const { actor } = await requireStaffMember();
  await updateStaff(actor, id, input);
  return done(id);
});

const hours = defineAction(withId(WeeklyHoursFields), async ({ id, ...input }) => {
  const { actor } = await requireStaffMember();
  await saveWeeklyHours(actor, id, input);
  return done(id);
});

const override = defineAction(withId(DateOverrideFields), async ({ id, ...input }) => {
  const { actor } = await requireStaffMember();
  await saveDateOverride(actor, id, input);
  return done(id);
});

const removeOverride = defineAction(z.object({ id: z.uuid(), date: LocalDate }), async ({ id, date }) => {
  const { actor } = await requireStaffMember();
  await deleteDateOverride(actor, id, date);
  return done(id);
});

const timeOff = defineAction(withId(TimeOffFields), async ({ id, ...input }) => {
  const { actor } = await requireStaffMember();
  await addTimeOff(actor, id, input);
  return done(id);
});

const removeTimeOff = defineAction(
  z.object({ id: z.uuid(), timeOffId: z.uuid() }),
  async ({ id, timeOffId }) => {
    const { actor } = await requireStaffMember();
    await deleteTimeOff(actor, id, timeOffId);
    return done(id);
  },
);

export async function createStaffAction(raw: unknown) {
  return create(raw);
}
export async function updateStaffAction(raw: unknown) {
  return update(raw);
}
export async function saveWeeklyHoursAction(raw: unknown) {
  return hours(raw);
}
export async function saveDateOverrideAction(raw: unknown) {
  return override(raw);
}
export async function deleteDateOverrideAction(raw: unknown) {
  return removeOverride(raw);
}
export async function addTimeOffAction(raw: unknown) {
  return timeOff(raw);
}
export async function deleteTimeOffAction(raw: unknown) {
  return removeTimeOff(raw);
}
