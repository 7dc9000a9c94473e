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
