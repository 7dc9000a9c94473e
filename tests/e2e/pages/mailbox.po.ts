import { expect, type Locator, type Page } from "@playwright/test";

/** The dev mailbox (/dev/mailbox): mail the app would have sent, newest first. */
export class DevMailboxPage {
  constructor(private readonly page: Page) {}

  async open(to: string) {
    await this.page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
  }

  /** The row of the newest message whose subject starts with `subject`, once the worker has sent it. */
  async waitForMessage(to: string, subject: string): Promise<Locator> {
    const row = this.page.getByRole("row").filter({ hasText: subject });
    await expect(async () => {
      await this.open(to);
      await expect(row.first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    return row.first();
  }

  /** The manage link as the email's text carries it, made relative to the app under test. */
  async manageLink(row: Locator): Promise<string> {
    const text = (await row.locator("pre").first().textContent()) ?? "";
    const link = /https?:\/\/\S+\/manage\/\S+/.exec(text)?.[0];
    if (!link) throw new Error("no manage link in the email");
    const url = new URL(link);
    return `${url.pathname}${url.search}`;
  }
}
