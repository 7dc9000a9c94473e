import { expect, test } from "@playwright/test";
import { BookingPage, ManageBookingPage } from "./pages/booking.po";
import { DevMailboxPage } from "./pages/mailbox.po";

// The demo practice; its emails are delivered by the in-process worker into the dev mailbox.
const SLUG = "demo";
const SERVICE = "Consultation (30 min)";

test("a booking's confirmation arrives with its calendar file and manage link; cancelling sends a cancellation", async ({
  page,
}) => {
  const id = Date.now().toString(36);
  const email = `mailbox-${id}@example.test`;
  const booking = new BookingPage(page);
  await booking.open(SLUG);
  await booking.chooseService(SERVICE);
  await booking.chooseFirstStaffMember();
  await booking.pickFirstSlot();
  await booking.fillDetails({ name: `Morgan Mailbox ${id}`, email });
  await booking.confirm();
  await booking.expectConfirmed();

  const mailbox = new DevMailboxPage(page);
  const confirmation = await mailbox.waitForMessage(email, "Confirmed:");
  await expect(confirmation).toContainText("invite.ics");
  await expect(confirmation).toContainText("text/calendar; method=REQUEST");
  await confirmation.getByText("Attachment:").click();
  await expect(confirmation).toContainText("BEGIN:VCALENDAR");
  await expect(confirmation).toContainText("METHOD:REQUEST");

  const manage = new ManageBookingPage(page);
  await manage.open(await mailbox.manageLink(confirmation));
  await expect(manage.status).toHaveText(/Confirmed|Awaiting confirmation/);
  await expect(page.getByRole("link", { name: "Download .ics" })).toBeVisible();
  await manage.cancel("Plans changed");
  await expect(manage.status).toHaveText("Cancelled");

  const cancellation = await mailbox.waitForMessage(email, "Cancelled:");
  await expect(cancellation).toContainText("Reason: Plans changed");
  await expect(cancellation).toContainText("cancel.ics");
});
