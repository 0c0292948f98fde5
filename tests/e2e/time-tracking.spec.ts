import { expect, test } from "./fixtures";
import { createTask } from "./support/api";

test("run a timer on a task, stop it from the top bar, and see the time spent", async ({
  ownerPage: page,
  project,
  request,
  expectAccessible,
}) => {
  test.setTimeout(180_000); // two pages with axe checks and a timer that must tick on a loaded machine
  const task = await createTask(request, project, project.workspace.owner, { title: "Profile the import", estimate: 1 });
  const spent = page.getByTestId("time-spent");
  const topBarTimer = page.getByTestId("running-timer");
  await test.step("the task page starts a timer, and the top bar shows it running", async () => {
    await page.goto(`/w/${project.workspace.slug}/t/${task.key}`);
    await expect(spent).toHaveText("0m spent of 1h 00m estimated", { timeout: 30_000 });
    // A click before hydration is lost: retry until the timer runs.
    await expect(async () => {
      if (await page.getByRole("button", { name: "Start timer" }).isVisible())
        await page.getByRole("button", { name: "Start timer" }).click();
      await expect(page.getByRole("button", { name: "Stop timer" })).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(topBarTimer).toContainText(task.key);
    await expect(page.getByTestId("running-timer-clock")).toHaveText(/^00:0[1-9]$/, { timeout: 15_000 });
    await expectAccessible(page, "task-timer-running");
  });
  await test.step("Stop in the top bar logs the time on the task", async () => {
    await page.getByRole("button", { name: `Stop the timer on ${task.key}` }).click();
    await expect(topBarTimer).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Start timer" })).toBeVisible();
    await expect(spent).toHaveText(/^\d+s spent of 1h 00m estimated$/);
    await expect(page.getByTestId("time-entry")).toHaveCount(1);
    await expect(page.getByText(/logged \d+s/)).toBeVisible();
  });
  await test.step("time logged by hand adds to it", async () => {
    await page.getByLabel("Duration").fill("45m");
    await page.getByLabel("Note").fill("Reading the profile");
    await page.getByRole("button", { name: "Log time" }).click();
    await expect(spent).toHaveText("45m spent of 1h 00m estimated");
    await expect(page.getByTestId("time-entry").filter({ hasText: "Reading the profile" })).toBeVisible();
  });
  await test.step("the analytics tab shows the time per person with a CSV of entries", async () => {
    await page.goto(`/w/${project.workspace.slug}/p/${project.key}/analytics`);
    await expect(page.getByRole("heading", { name: "Time spent" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Time per person" })).toContainText(project.workspace.owner.name);
    await expect(page.getByRole("link", { name: "CSV of time entries" })).toHaveAttribute("href", /time-entries\/export\.csv\?from=/);
    await expectAccessible(page, "analytics-time-spent");
  });
});
