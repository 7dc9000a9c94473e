import { expect, test } from "@playwright/test";
import { BookingPage, localDate, StaffCalendarPage } from "./pages/booking.po";
import { LoginPage } from "./pages/dashboard.po";

// The live-update stream (/api/v1/live): the calendar refetches on a "changed" hint, no reload needed.
test("a booking made in another browser appears on the open staff calendar without a reload", async ({
  page,
  browser,
}) => {
  const customerContext = await browser.newContext();
  const customerPage = await customerContext.newPage();
  const booking = new BookingPage(customerPage);
  await booking.open("demo");
  await booking.chooseService("Consultation (30 min)");
  await booking.chooseAnyone();
  const start = await booking.pickFirstSlot();

  await new LoginPage(page).logIn("owner@demo.boka.test", "harbor-wellness-demo");
  await expect(page).toHaveURL(/\/dashboard$/);
  const calendar = new StaffCalendarPage(page);
  await calendar.open(localDate(start, "Europe/London"));
  // A marker on the window survives only if the page is never reloaded.
  await page.evaluate(() => {
    (window as unknown as { liveMarker: number }).liveMarker = 42;
  });

  const name = `Live Lena ${Date.now().toString(36)}`;
  await booking.fillDetails({ name, email: `live-${Date.now().toString(36)}@example.test` });
  await booking.confirm();
  await booking.expectConfirmed();

  await expect(calendar.booking(name)).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(42);
  await customerContext.close();
});
