import { expect, test } from "./fixtures";
import { createUser, uniqueEmail } from "./support/api";

test("the owner invites someone by email, who accepts from the mailbox", async ({
  ownerPage: page,
  workspace,
  request,
  newPageAs,
  expectAccessible,
}) => {
  // Someone without an account gets an email; an existing user would join at once.
  const email = uniqueEmail("Bob Invitee");
  await test.step("the owner sends the invitation", async () => {
    await page.goto(`/w/${workspace.slug}/settings`);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("member");
    await page.getByRole("button", { name: "Invite" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
    // The email leaves through the queue; the pending invitations list follows its delivery until it is sent.
    const row = page.getByTestId(`invitation-${email}`);
    await expect(row.getByTestId("delivery-status")).toHaveAttribute("data-status", "sent", { timeout: 15_000 });
    await expect(row.getByRole("button", { name: "Resend" })).toBeVisible();
    await expectAccessible(page, "workspace-settings");
  });
  await test.step("the invitee signs up, follows the link in the mailbox and accepts", async () => {
    const b = await newPageAs(await createUser(request, "Bob Invitee", email));
    await b.goto("/mailbox");
    const link = b.getByRole("link", { name: /\/invitations\/tli_/ }).first();
    await expect(link).toBeVisible();
    await expectAccessible(b, "mailbox");
    await link.click();
    await b.getByRole("button", { name: "Accept invitation" }).click();
    await b.waitForURL(`**/w/${workspace.slug}`);
    await expect(b.getByRole("heading", { name: workspace.name })).toBeVisible();
  });
});

test("the owner changes a teammate's role and it sticks", async ({ ownerPage: page, workspace, teammate }) => {
  await page.goto(`/w/${workspace.slug}/settings`);
  const role = page.getByLabel(`Role of ${teammate.name}`);
  await test.step("member → admin, saved across a reload", async () => {
    await role.selectOption("admin");
    await expect
      .poll(async () => {
        await page.reload();
        return role.inputValue();
      })
      .toBe("admin");
  });
  await test.step("and back to member", async () => {
    await role.selectOption("member");
    await expect
      .poll(async () => {
        await page.reload();
        return role.inputValue();
      })
      .toBe("member");
  });
});

test("the workspace home lists the projects and passes axe", async ({ ownerPage: page, project, expectAccessible }) => {
  await page.goto(`/w/${project.workspace.slug}`);
  await expect(page.getByRole("link", { name: project.name }).first()).toBeVisible();
  await expectAccessible(page, "workspace-home");
});
