import { expect, test } from "./fixtures";
import { createTask } from "./support/api";

test("project settings: the workflow and a new label", async ({ ownerPage: page, project, expectAccessible }) => {
  await page.goto(`/w/${project.workspace.slug}/p/${project.key}/settings`);
  await expect(page.getByRole("heading", { name: "Workflow" })).toBeVisible();
  await test.step("add a label", async () => {
    await page.getByLabel("New label name").fill("marketing");
    await page.getByRole("button", { name: "Add label" }).click();
    await expect(page.getByLabel("Name of label marketing")).toBeVisible();
  });
  await expectAccessible(page, "project-settings");
});

test("analytics: the project tab, the printable report and the workspace overview", async ({
  ownerPage: page,
  project,
  request,
  expectAccessible,
}) => {
  const owner = project.workspace.owner;
  await createTask(request, project, owner, { title: "Write the launch post", priority: "high" });
  await createTask(request, project, owner, { title: "Record the demo video", dueDate: new Date().toISOString().slice(0, 10) });
  const { slug } = project.workspace;
  await test.step("the project's analytics tab", async () => {
    await page.goto(`/w/${slug}/p/${project.key}/analytics`);
    await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
    await expectAccessible(page, "project-analytics");
  });
  await test.step("the printable report", async () => {
    await page.goto(`/w/${slug}/p/${project.key}/report`);
    // The report has two level-1 headings (the project and the range): wait for the first.
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expectAccessible(page, "project-report");
  });
  await test.step("the workspace overview", async () => {
    await page.goto(`/w/${slug}/analytics`);
    await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
    await expectAccessible(page, "workspace-analytics");
  });
});
