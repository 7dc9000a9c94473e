import { expect, test } from "@playwright/test";
import {
  BookingPage,
  bookThroughApi,
  type Customer,
  cancelThroughApi,
  isBookable,
  localDate,
  ManageBookingPage,
  StaffCalendarPage,
} from "./pages/booking.po";
import { LoginPage } from "./pages/dashboard.po";

// The demo practice (seeded on first start): staff work Mon–Fri 09:00–17:00 Europe/London.
const SLUG = "demo";
const SERVICE = "Consultation (30 min)";

function newCustomer(label: string): Customer {
  const id = Date.now().toString(36);
  return {
    name: `${label} ${id}`,
    email: `${label.toLowerCase().replace(/\W+/g, "-")}-${id}@example.test`,
    phone: "+44 20 7946 0958",
    notes: "First visit",
  };
}

test.describe("a customer in another time zone", () => {
  // New York, so the page must state that the practice keeps London time.
  test.use({ timezoneId: "America/New_York" });

  test("books on /demo, opens the manage link, cancels, and the slot is bookable again", async ({ page }) => {
    const booking = new BookingPage(page);
    await booking.open(SLUG);
    const serviceId = await booking.chooseService(SERVICE);
    const staff = await booking.chooseFirstStaffMember();
    await expect(booking.zoneNote).toContainText("America/New York");
    await expect(booking.zoneNote).toContainText("Europe/London");

    const start = await booking.pickFirstSlot();
    const slot = { slug: SLUG, serviceId, staffId: staff.id, start };
    expect(await isBookable(page.request, slot)).toBe(true);

    await booking.fillDetails(newCustomer("Casey Customer"));
    await booking.confirm();
    const manageHref = await booking.expectConfirmed();
    expect(manageHref).toMatch(/^\/demo\/manage\/[0-9a-f-]{36}\?token=[A-Za-z0-9_-]{22,}$/);
    await expect(page.getByTestId("booking-summary")).toContainText(staff.name);
    await page.screenshot({ path: "test-results/booking-confirmed.png", fullPage: true });
    expect(await isBookable(page.request, slot)).toBe(false);

    const manage = new ManageBookingPage(page);
    await manage.open(manageHref);
    await expect(manage.status).toHaveText(/Confirmed|Awaiting confirmation/);
    await manage.cancel("Something came up");
    expect(await isBookable(page.request, slot)).toBe(true);

    // Cancelling twice is harmless; a wrong token shows only that the link is not valid.
    await manage.open(manageHref);
    await expect(manage.status).toHaveText("Cancelled");
    await expect(page.getByRole("button", { name: "Cancel booking" })).toHaveCount(0);
    await manage.open(manageHref.replace(/token=.*$/, "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    await manage.expectInvalidLink();
  });
});

test("missing details are flagged next to their fields before anything is sent", async ({ page }) => {
  const booking = new BookingPage(page);
  await booking.open(SLUG);
  await booking.chooseService(SERVICE);
  await booking.chooseAnyone();
  await booking.pickFirstSlot();
  await booking.fillDetails({ name: "", email: "not-an-email" });
  await booking.confirm();
  await expect(booking.fieldError("name")).toHaveText("Enter your name");
  await expect(booking.fieldError("email")).toHaveText(/name@example.com/);
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
  await expect(booking.stepHeading).toHaveText("Your details");
});

test("a time taken while the customer types sends them back to fresh times", async ({ page }) => {
  const booking = new BookingPage(page);
  await booking.open(SLUG);
  const serviceId = await booking.chooseService(SERVICE);
  const staff = await booking.chooseFirstStaffMember();
  const start = await booking.pickFirstSlot();
  const slot = { slug: SLUG, serviceId, staffId: staff.id, start };

  // Someone else books the same person and time first.
  const other = await bookThroughApi(page.request, slot, newCustomer("Quick Quinn"));
  try {
    await booking.fillDetails(newCustomer("Slow Sam"));
    await booking.confirm();
    await expect(page.getByText("That time was just taken — please pick another.").first()).toBeVisible();
    await expect(booking.stepHeading).toHaveText("Pick a day and time");
    await expect(page.getByTestId("slot").first()).toBeVisible();
    await expect(booking.slotAt(start)).toHaveCount(0);
  } finally {
    await cancelThroughApi(page.request, other);
  }
});

// Separate so the dashboard's selectors can be adapted without touching the customer's flow above.
test("a booking made on the public page appears on the staff calendar", async ({ page }) => {
  const customer = newCustomer("Calendar Carla");
  const booking = new BookingPage(page);
  await booking.open(SLUG);
  await booking.chooseService(SERVICE);
  await booking.chooseAnyone();
  const start = await booking.pickFirstSlot();
  await booking.fillDetails(customer);
  await booking.confirm();
  await booking.expectConfirmed();

  await new LoginPage(page).logIn("owner@demo.boka.test", "harbor-wellness-demo");
  await expect(page).toHaveURL(/\/dashboard$/);
  const calendar = new StaffCalendarPage(page);
  await calendar.open(localDate(start, "Europe/London"));
  await expect(calendar.booking(customer.name)).toBeVisible();
});
