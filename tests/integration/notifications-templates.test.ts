import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/lib/db";
import {
  listMessageTemplates,
  MESSAGES,
  previewMessage,
  resetMessageIntro,
  saveMessageIntro,
  updateNotificationSettings,
} from "@/lib/notifications";
import { addMember, createPractice, type TestPractice } from "../support/factory";

let practice: TestPractice;
beforeAll(async () => {
  practice = await createPractice();
});
afterAll(closeDatabase);

const settings = {
  address: "1 High Street, Bath",
  customerNote: "Ring the bell twice.",
  reminderOffsetsMinutes: [120, 1440],
  smsReminders: false,
  thankYouEnabled: true,
  confirmationWindowMinutes: 720,
};

describe("message templates", () => {
  it("render the named variables into subject, text and escaped HTML, with the practice's details", async () => {
    const owner = practice.owner.actor;
    const saved = await updateNotificationSettings(owner, settings);
    expect(saved.reminderOffsetsMinutes).toEqual([1440, 120]);
    const preview = await previewMessage(
      owner,
      "booking_confirmed",
      "Hi {{customer_name}} <b>, see you at {{address}}",
    );
    expect(preview.subject).toBe(
      MESSAGES.booking_confirmed.subject
        .replace("{{service_name}}", "Sample service")
        .replace("{{practice_name}}", `Practice ${practice.slug}`)
        .replace("{{when}}", preview.subject.split(", ").slice(1).join(", ")),
    );
    expect(preview.text).toContain("Hi Alex Customer <b>, see you at 1 High Street, Bath");
    expect(preview.text).toContain("Please note: Ring the bell twice.");
    expect(preview.html).toContain("Hi Alex Customer &lt;b&gt;");
    expect(preview.text).toMatch(/http:\/\/localhost:3000\/t-[^/]+\/manage\//);
  });

  it("owners edit an intro, see it in the preview, and reset to the default", async () => {
    const owner = practice.owner.actor;
    await saveMessageIntro(owner, { kind: "booking_reminder", intro: "See you soon, {{customer_name}}!" });
    let reminder = (await listMessageTemplates(owner)).find((t) => t.kind === "booking_reminder");
    expect(reminder).toMatchObject({ customised: true, intro: "See you soon, {{customer_name}}!" });
    expect((await previewMessage(owner, "booking_reminder")).text).toContain("See you soon, Alex Customer!");

    await resetMessageIntro(owner, "booking_reminder");
    reminder = (await listMessageTemplates(owner)).find((t) => t.kind === "booking_reminder");
    expect(reminder).toMatchObject({ customised: false, intro: MESSAGES.booking_reminder.intro });
  });

  it("refuses unknown variables and staff edits", async () => {
    await expect(
      saveMessageIntro(practice.owner.actor, { kind: "booking_confirmed", intro: "Hi {{first_name}}" }),
    ).rejects.toThrow(/Unknown variable \{\{first_name\}\}/);
    const staff = await addMember(practice.tenantId, "staff");
    await expect(
      saveMessageIntro(staff.actor, { kind: "booking_confirmed", intro: "Hello" }),
    ).rejects.toThrow();
  });
});
