import { expect, type Page } from "@playwright/test";

export class DashboardPage {
  constructor(private readonly page: Page) {}

  async expectPractice(name: string) {
    await expect(this.page).toHaveURL(/\/dashboard$/);
    await expect(this.page.getByTestId("tenant-name")).toHaveText(name);
  }

  async openSettings() {
    await this.page
      .getByRole("navigation", { name: "Dashboard" })
      .getByRole("link", { name: "Settings" })
      .click();
    await expect(this.page.getByRole("heading", { name: "Practice settings" })).toBeVisible();
  }

  async changeTimeZone(zone: string) {
    await this.page.getByLabel("Time zone").selectOption(zone);
    await this.page.getByRole("button", { name: "Save settings" }).click();
    await expect(this.page.getByText("Settings saved", { exact: true })).toBeVisible();
  }

  async logOut() {
    await this.page.getByRole("button", { name: "Log out" }).click();
    await expect(this.page).toHaveURL(/\/login$/);
  }
}

export class LoginPage {
  constructor(private readonly page: Page) {}

  async logIn(email: string, password: string) {
    await this.page.goto("/login");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Log in" }).click();
  }
}
