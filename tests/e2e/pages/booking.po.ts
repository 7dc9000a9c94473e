import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";

export type Customer = { name: string; email: string; phone?: string; notes?: string };
export type ChosenSlot = { slug: string; serviceId: string; staffId: string; start: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The public booking page, /{slug}: service → person → time → details → confirmation. */
export class BookingPage {
  constructor(private readonly page: Page) {}

  get stepHeading(): Locator {
    return this.page.locator("#step-heading");
  }

  /** "Times are shown in your time zone, … The practice is in …" on the time step. */
  get zoneNote(): Locator {
    return this.page.getByTestId("zone-note");
  }

  async open(slug: string) {
    await this.page.goto(`/${slug}`);
    await expect(this.stepHeading).toHaveText("Choose a service");
  }

  /** Returns the service's id (for availability checks through the API). */
  async chooseService(name: string): Promise<string> {
    const link = this.page
      .getByRole("list", { name: "Services" })
      .getByRole("link", { name: new RegExp(`^${escapeRegExp(name)}`) });
    const id = await link.getAttribute("data-service-id");
    if (!id) throw new Error(`no service id on ${name}`);
    await link.click();
    await expect(this.stepHeading).toHaveText("Who would you like to see?");
    return id;
  }

  /** Picks the first named person (not "Anyone available") and returns who it was. */
  async chooseFirstStaffMember(): Promise<{ id: string; name: string }> {
    const option = this.page.locator('button[data-staff-id]:not([data-staff-id=""])').first();
    await expect(option).toBeVisible();
    const id = await option.getAttribute("data-staff-id");
    const name = (await option.textContent())?.trim() ?? "";
    if (!id) throw new Error("no staff id");
    await option.click();
    await expect(this.stepHeading).toHaveText("Pick a day and time");
    return { id, name };
  }

  async chooseAnyone() {
    await this.page.getByRole("button", { name: "Anyone available" }).click();
    await expect(this.stepHeading).toHaveText("Pick a day and time");
  }

  /** The first free time shown (empty weeks are skipped by the page); returns its ISO start. */
  async pickFirstSlot(): Promise<string> {
    const slot = this.page.getByTestId("slot").first();
    await expect(slot).toBeVisible({ timeout: 15_000 });
    const start = await slot.getAttribute("data-start");
    if (!start) throw new Error("slot without data-start");
    await slot.click();
    await expect(this.stepHeading).toHaveText("Your details");
    return start;
  }

  slotAt(start: string): Locator {
    return this.page.locator(`[data-testid="slot"][data-start="${start}"]`);
  }

  async fillDetails(customer: Customer) {
    const p = this.page;
    await p.getByLabel("Name", { exact: true }).fill(customer.name);
    await p.getByLabel("Email", { exact: true }).fill(customer.email);
    if (customer.phone) await p.getByLabel("Phone (optional)").fill(customer.phone);
    if (customer.notes) await p.getByLabel("Notes (optional)").fill(customer.notes);
  }

  async confirm() {
    await this.page.getByRole("button", { name: "Confirm booking" }).click();
  }

  /** Waits for the confirmation and returns the manage link's href (path and query). */
  async expectConfirmed(): Promise<string> {
    await expect(this.stepHeading).toHaveText("You're booked");
    const link = this.page.getByRole("link", { name: "Manage your booking" });
    await expect(link).toBeVisible();
    const href = await link.getAttribute("href");
    if (!href) throw new Error("manage link without href");
    return href;
  }

  fieldError(field: string): Locator {
    return this.page.locator(`#${field}-error`);
  }
}

/** /{slug}/manage/{id}?token=…: the customer's own view of a booking. */
export class ManageBookingPage {
  constructor(private readonly page: Page) {}

  async open(href: string) {
    await this.page.goto(href);
  }

  get status(): Locator {
    return this.page.getByTestId("booking-status");
  }

  async cancel(reason?: string) {
    await this.page.getByRole("button", { name: "Cancel booking", exact: true }).click();
    if (reason) await this.page.getByLabel("Reason (optional)").fill(reason);
    await this.page.getByRole("button", { name: "Yes, cancel booking" }).click();
    await expect(this.status).toHaveText("Cancelled");
  }

  async expectInvalidLink() {
    await expect(this.page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  }
}

/**
 * The staff calendar. Written before the calendar existed: adapt the URL and the booking locator to the
 * dashboard's real markup (or move this class to dashboard.po.ts).
 */
export class StaffCalendarPage {
  constructor(private readonly page: Page) {}

  /** `date` is the practice-local day (YYYY-MM-DD) to show. */
  async open(date: string) {
    await this.page.goto(`/dashboard/calendar?date=${date}`);
    await expect(this.page).toHaveURL(/\/dashboard\/calendar/);
  }

  booking(customerName: string): Locator {
    return this.page.getByText(customerName, { exact: false });
  }
}

/** Whether the public availability API offers `start` for that person (asked in the practice's zone). */
export async function isBookable(
  request: APIRequestContext,
  slot: ChosenSlot,
  practiceZone = "Europe/London",
): Promise<boolean> {
  const day = localDate(slot.start, practiceZone);
  const query = new URLSearchParams({
    service_id: slot.serviceId,
    staff_id: slot.staffId,
    from: day,
    to: day,
    time_zone: practiceZone,
  });
  const response = await request.get(`/api/v1/public/tenants/${slot.slug}/availability?${query}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data: { start: string }[] };
  return body.data.some((s) => Date.parse(s.start) === Date.parse(slot.start));
}

/** Books through the public API (another customer getting there first); returns the created booking. */
export async function bookThroughApi(
  request: APIRequestContext,
  slot: ChosenSlot,
  customer: Customer,
): Promise<{ id: string; manage_token: string }> {
  const response = await request.post(`/api/v1/public/tenants/${slot.slug}/bookings`, {
    data: {
      service_id: slot.serviceId,
      staff_id: slot.staffId,
      start: slot.start,
      customer: { name: customer.name, email: customer.email },
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; manage_token: string };
}

export async function cancelThroughApi(
  request: APIRequestContext,
  booking: { id: string; manage_token: string },
) {
  const response = await request.post(`/api/v1/public/bookings/${booking.id}/cancel`, {
    headers: { authorization: `Bearer ${booking.manage_token}` },
    data: {},
  });
  expect(response.status()).toBe(200);
}

/** YYYY-MM-DD of an instant in `timeZone`. */
export function localDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(instant));
}
