import { eq } from "drizzle-orm";
import { z } from "zod";
import { assertCan } from "@/lib/auth";
import type { BookingForMessage } from "@/lib/bookings";
import { type Actor, tables, withTenant } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { renderCustomerMessage } from "../compose";
import { MESSAGE_KINDS, MESSAGES, type MessageKind } from "./kinds";
import { IntroText } from "./render";
import { customIntros, resetIntro, saveIntro } from "./store";

type MemberActor = Extract<Actor, { kind: "member" }>;

export const MessageKindInput = z.enum(MESSAGE_KINDS);
export const SaveIntroInput = z.object({ kind: MessageKindInput, intro: IntroText });

export type TemplateView = {
  kind: MessageKind;
  label: string;
  subject: string;
  defaultIntro: string;
  intro: string;
  customised: boolean;
  optional: boolean;
};

export async function listMessageTemplates(actor: MemberActor): Promise<TemplateView[]> {
  assertCan(actor, "settings.view");
  const custom = await withTenant(actor, (tx) => customIntros(tx, actor.tenantId));
  return MESSAGE_KINDS.map((kind) => ({
    kind,
    label: MESSAGES[kind].label,
    subject: MESSAGES[kind].subject,
    defaultIntro: MESSAGES[kind].intro,
    intro: custom[kind] ?? MESSAGES[kind].intro,
    customised: custom[kind] !== undefined,
    optional: MESSAGES[kind].optional,
  }));
}

export async function saveMessageIntro(actor: MemberActor, input: unknown): Promise<void> {
  assertCan(actor, "settings.manage");
  const { kind, intro } = SaveIntroInput.parse(input);
  await withTenant(actor, (tx) => saveIntro(tx, actor.tenantId, kind, intro, actor.userId));
}

export async function resetMessageIntro(actor: MemberActor, kind: unknown): Promise<void> {
  assertCan(actor, "settings.manage");
  const parsed = MessageKindInput.parse(kind);
  await withTenant(actor, (tx) => resetIntro(tx, actor.tenantId, parsed));
}

/** A sample booking at the practice, so a preview shows the practice's own name, address and zone. */
async function sampleBooking(actor: MemberActor): Promise<BookingForMessage> {
  const [t] = await withTenant(actor, (tx) =>
    tx.select().from(tables.tenants).where(eq(tables.tenants.id, actor.tenantId)),
  );
  if (!t) throw new NotFound("Practice not found");
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCHours(9, 0, 0, 0);
  return {
    id: "00000000-0000-4000-8000-000000000000",
    tenantId: t.id,
    status: "confirmed",
    sequence: 0,
    startAt: start,
    endAt: new Date(start.getTime() + 3_600_000),
    confirmBy: new Date(Date.now() + t.confirmationWindowMinutes * 60_000),
    serviceName: "Sample service",
    serviceDescription: "",
    staffName: "Sam Sample",
    staffUserId: null,
    customerTimeZone: null,
    cancelReason: "the reason given",
    customer: { id: "", name: "Alex Customer", email: "alex@example.com", phone: null },
    practice: {
      slug: t.slug,
      name: t.name,
      timeZone: t.timeZone,
      address: t.address,
      customerNote: t.customerNote,
      reminderOffsetsMinutes: t.reminderOffsetsMinutes,
      smsReminders: t.smsReminders,
      thankYouEnabled: t.thankYouEnabled,
    },
    manageToken: "sample-token",
  };
}

/** The message as a customer would get it, with `intro` (unsaved text) or the stored one. */
export async function previewMessage(actor: MemberActor, kind: unknown, intro?: string) {
  assertCan(actor, "settings.view");
  const parsed = MessageKindInput.parse(kind);
  const text = intro === undefined ? null : IntroText.parse(intro);
  const stored = text ?? (await withTenant(actor, (tx) => customIntros(tx, actor.tenantId)))[parsed] ?? null;
  const booking = await sampleBooking(actor);
  const {
    subject,
    text: body,
    html,
  } = renderCustomerMessage(booking, parsed, stored, {
    previousStart: new Date(booking.startAt.getTime() - 86_400_000),
  });
  return { subject, text: body, html };
}
