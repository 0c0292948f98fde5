import { Secret, TOTP } from "otpauth";
import { expect, test } from "./fixtures";
import { createUser, PASSWORD, unique } from "./support/api";

const NEW_PASSWORD = "a fresh passphrase for e2e 31";

function code(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

test("enrol in 2FA with the QR code, then sign in with the code", async ({
  ownerPage: page,
  owner,
  workspace,
  browser,
  expectAccessible,
}) => {
  let secret = "";
  await test.step("Settings → Security: set up, scan (read the key), confirm with a code", async () => {
    await page.goto("/settings/security");
    await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await expectAccessible(page, "two-factor-enrol");
    await page.getByLabel("Authentication code").fill(code(secret));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByText("Two-factor authentication is on.")).toBeVisible();
    await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  });
  await test.step("a fresh browser: the password alone is not enough; a wrong code is refused; the right one signs in", async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto("/signin");
    await p.getByLabel("Email").fill(owner.email);
    await p.getByLabel("Password").fill(PASSWORD);
    await p.getByRole("button", { name: "Sign in" }).click();
    await expect(p.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
    await expectAccessible(p, "two-factor-sign-in");
    const wrong = code(secret, 1) === "000000" ? "111111" : "000000";
    await p.getByLabel("Authentication code").fill(wrong);
    await p.getByRole("button", { name: "Verify" }).click();
    await expect(p.getByRole("alert").filter({ hasText: "That code is not valid" })).toBeVisible();
    // The enrolment used this step's code; the next step's is accepted (one step of drift allowed).
    await p.getByLabel("Authentication code").fill(code(secret, 1));
    await p.getByRole("button", { name: "Verify" }).click();
    await p.waitForURL(`**/w/${workspace.slug}`);
    await expect(p.getByRole("heading", { name: workspace.name })).toBeVisible();
    await context.close();
  });
});

test("forgot password: the link arrives in the local mailbox and sets a new password", async ({ page, request, newPageAs }) => {
  const user = await createUser(request, "Rita Reset");
  await test.step("Forgot password? on the sign-in page", async () => {
    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    // Typed before the page hydrated, the address can be lost (the form then says "must be an email address"): type it again.
    const sent = page.getByRole("status").filter({ hasText: "If an account uses that address" });
    await expect(async () => {
      await page.getByLabel("Email").fill(user.email);
      await page.getByRole("button", { name: "Send reset link" }).click();
      await expect(sent).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
  });
  let link = "";
  await test.step("the email, in the user's mailbox", async () => {
    const mailbox = await newPageAs(user);
    await expect(async () => {
      await mailbox.goto("/mailbox");
      link = (await mailbox.locator('a[href*="/reset-password/"]').first().getAttribute("href", { timeout: 1000 })) ?? "";
      expect(link).toContain("/reset-password/");
    }).toPass({ timeout: 20_000 });
    await expect(mailbox.getByRole("heading", { name: "Reset your Tasklane password" })).toBeVisible();
  });
  await test.step("choose a new password; the old one stops working, the new one signs in", async () => {
    await page.goto(new URL(link).pathname);
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible();
    await page.goto(new URL(link).pathname);
    await page.getByLabel("New password").fill("and yet another one 55");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "invalid or has expired" })).toBeVisible();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  });
});

test("a new account is told to verify its email, and the mailbox link verifies it", async ({ page }) => {
  await page.goto("/signup");
  const email = `${unique("vera")}@example.test`;
  await page.getByLabel("Name").fill("Vera Verify");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("verify-email-banner")).toContainText(email);
  let link = "";
  await expect(async () => {
    await page.goto("/mailbox");
    link = (await page.locator('a[href*="/verify-email/"]').first().getAttribute("href", { timeout: 1000 })) ?? "";
    expect(link).toContain("/verify-email/");
  }).toPass({ timeout: 20_000 });
  await page.goto(new URL(link).pathname);
  await page.getByRole("button", { name: "Verify my email" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your email address is verified" })).toBeVisible();
  await page.goto("/mailbox");
  await expect(page.getByRole("heading", { name: "Mailbox" })).toBeVisible();
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);
});
