import { and, eq } from "drizzle-orm";
import { type Tx, tables } from "@/lib/db";
import type { MessageKind } from "./kinds";

const { messageTemplates } = tables;

/** The owner's intro for one kind of message, or null for the default. */
export async function customIntro(tx: Tx, tenantId: string, kind: MessageKind): Promise<string | null> {
  const [row] = await tx
    .select({ intro: messageTemplates.intro })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.tenantId, tenantId), eq(messageTemplates.kind, kind)));
  return row?.intro ?? null;
}

export async function customIntros(tx: Tx, tenantId: string): Promise<Partial<Record<MessageKind, string>>> {
  const rows = await tx
    .select({ kind: messageTemplates.kind, intro: messageTemplates.intro })
    .from(messageTemplates)
    .where(eq(messageTemplates.tenantId, tenantId));
  return Object.fromEntries(rows.map((r) => [r.kind, r.intro]));
}

export async function saveIntro(tx: Tx, tenantId: string, kind: MessageKind, intro: string, userId: string) {
  await tx
    .insert(messageTemplates)
    .values({ tenantId, kind, intro, updatedBy: userId })
    .onConflictDoUpdate({
      target: [messageTemplates.tenantId, messageTemplates.kind],
      set: { intro, updatedBy: userId, updatedAt: new Date() },
    });
}

export async function resetIntro(tx: Tx, tenantId: string, kind: MessageKind) {
  await tx
    .delete(messageTemplates)
    .where(and(eq(messageTemplates.tenantId, tenantId), eq(messageTemplates.kind, kind)));
}
