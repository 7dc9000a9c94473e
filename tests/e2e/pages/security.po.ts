import { expect, type Page } from "@playwright/test";
import { generateTotpCode } from "@/lib/auth";

/**
 * A code the server has not seen yet: the step after now. Enrolment spends the current step, and a
 * replayed step is refused, so logging in right afterwards must use the next one (±1 step is allowed).
 */
export function nextTotpCode(secret: string): string {
  return generateTotpCode(secret, Date.now() + 30_000);
}

export class SecurityPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page
      .getByRole("navigation", { name: "Dashboard" })
      .getByRole("link", { name: "Security" })
      .click();
    await expect(this.page.getByRole("heading", { name: "Security", exact: true })).toBeVisible();
  }

  /** Starts enrolment and returns the secret as the page shows it in text. */
  async startEnrolment(): Promise<string> {
    await this.page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(this.page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    const secret = (await this.page.getByTestId("mfa-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    return secret;
  }

  /** Confirms with the current code and returns the backup codes shown once. */
  async confirm(secret: string): Promise<string[]> {
    await this.page.getByLabel("Code from your app").fill(generateTotpCode(secret, Date.now()));
    await this.page.getByRole("button", { name: "Turn on" }).click();
    const list = this.page.getByTestId("backup-codes").getByRole("listitem");
    await expect(list).toHaveCount(10);
    const codes = (await list.allTextContents()).map((c) => c.trim());
    await this.page.getByRole("button", { name: "I have saved these codes" }).click();
    await expect(this.page.getByTestId("mfa-status")).toHaveText("On");
    return codes;
  }
}

export class MfaChallengePage {
  constructor(private readonly page: Page) {}

  async submit(code: string) {
    await expect(this.page).toHaveURL(/\/mfa$/);
    await this.page.getByLabel("Authentication code").fill(code);
    await this.page.getByRole("button", { name: "Verify" }).click();
  }
}
