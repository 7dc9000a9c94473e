import { expect, test } from "@playwright/test";
import { DashboardPage, LoginPage } from "./pages/dashboard.po";
import { MfaChallengePage, nextTotpCode, SecurityPage } from "./pages/security.po";
import { newPractice, SignUpPage } from "./pages/signup.po";

test("enable MFA, then log in with a code and with a backup code", async ({ page }) => {
  // A practice of its own: the demo owner is shared with other specs and must stay without MFA.
  const practice = newPractice("cedar");
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.fill(practice);
  await signUp.submit();
  const dashboard = new DashboardPage(page);
  await dashboard.expectPractice(practice.businessName);

  const security = new SecurityPage(page);
  await security.open();
  const secret = await security.startEnrolment();
  const backupCodes = await security.confirm(secret);
  expect(backupCodes).toHaveLength(10);
  await page.screenshot({ path: "test-results/security.png", fullPage: true });

  const login = new LoginPage(page);
  const challenge = new MfaChallengePage(page);

  // The password alone leads to the challenge, not the dashboard.
  await dashboard.logOut();
  await login.logIn(practice.email, practice.password);
  await expect(page).toHaveURL(/\/mfa$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login$/);

  await login.logIn(practice.email, practice.password);
  await challenge.submit(nextTotpCode(secret));
  await dashboard.expectPractice(practice.businessName);

  await dashboard.logOut();
  await login.logIn(practice.email, practice.password);
  await challenge.submit(backupCodes[0] ?? "");
  await dashboard.expectPractice(practice.businessName);

  // A backup code works once.
  await dashboard.logOut();
  await login.logIn(practice.email, practice.password);
  await challenge.submit(backupCodes[0] ?? "");
  await expect(page.getByText("That code is not valid", { exact: false })).toBeVisible();
});
