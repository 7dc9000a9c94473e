import { expect, test } from "@playwright/test";
import { DashboardPage, LoginPage } from "./pages/dashboard.po";
import { newPractice, SignUpPage } from "./pages/signup.po";

test("sign up a practice, change its time zone, log out and back in", async ({ page }) => {
  const practice = newPractice();
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.fill(practice);
  await signUp.submit();

  const dashboard = new DashboardPage(page);
  await dashboard.expectPractice(practice.businessName);
  await page.screenshot({ path: "test-results/dashboard.png", fullPage: true });

  await dashboard.openSettings();
  await dashboard.changeTimeZone("America/New_York");
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");

  await dashboard.logOut();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login$/);

  await new LoginPage(page).logIn(practice.email, practice.password);
  await dashboard.expectPractice(practice.businessName);
});

test("sign-up errors appear next to their fields and nothing is created", async ({ page }) => {
  const practice = { ...newPractice(), slug: "demo", password: "1q2w3e4r5t6y" };
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.fill(practice);
  await signUp.submit();
  await expect(signUp.fieldError("password")).toHaveText(/too common/);
  await expect(page).toHaveURL(/\/signup$/);

  await page.getByLabel("Password").fill("a much better passphrase");
  await signUp.submit();
  await expect(signUp.fieldError("slug")).toHaveText(/already taken/);
  await expect(page).toHaveURL(/\/signup$/);
});

test("a wrong password says only that email or password is incorrect", async ({ page }) => {
  await new LoginPage(page).logIn("owner@demo.boka.test", "not the demo password");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "Email or password is incorrect",
  );
});

test("the demo owner can log in", async ({ page }) => {
  await new LoginPage(page).logIn("owner@demo.boka.test", "harbor-wellness-demo");
  await new DashboardPage(page).expectPractice("Harbor Wellness Clinic");
});

test("pages carry a nonce CSP and run without CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ["/", "/signup", "/login"]) {
    const response = await page.goto(path);
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
  }
  await page.getByLabel("Email").fill("someone@example.test");
  expect(violations).toEqual([]);
});
