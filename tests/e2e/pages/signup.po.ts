import type { Page } from "@playwright/test";

export type NewPractice = {
  businessName: string;
  slug: string;
  timeZone: string;
  currency: string;
  ownerName: string;
  email: string;
  password: string;
};

/** A practice no other test uses: ids from the clock keep slugs and emails unique across runs. */
export function newPractice(prefix = "willow"): NewPractice {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  const name = prefix[0]?.toUpperCase() + prefix.slice(1);
  return {
    businessName: `${name} Clinic ${id}`,
    slug: `${prefix}-${id}`,
    timeZone: "Europe/London",
    currency: "GBP",
    ownerName: `${name} Owner`,
    email: `${prefix}-${id}@example.test`,
    password: "a quiet river at dawn",
  };
}

export class SignUpPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/signup");
  }

  async fill(practice: NewPractice) {
    const p = this.page;
    await p.getByLabel("Business name").fill(practice.businessName);
    await p.getByLabel("Booking page address").fill(practice.slug);
    await p.getByLabel("Time zone").selectOption(practice.timeZone);
    await p.getByLabel("Currency").selectOption(practice.currency);
    await p.getByLabel("Your name").fill(practice.ownerName);
    await p.getByLabel("Email").fill(practice.email);
    await p.getByLabel("Password").fill(practice.password);
  }

  async submit() {
    await this.page.getByRole("button", { name: "Create practice" }).click();
  }

  fieldError(field: string) {
    return this.page.locator(`#${field}-error`);
  }
}
