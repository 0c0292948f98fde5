import { test as base, type BrowserContextOptions, type Page } from "@playwright/test";
import { addMember, createProject, createUser, createWorkspace, type TestProject, type TestUser, type TestWorkspace } from "./support/api";
import { expectAccessible } from "./support/axe";
import { signInContext } from "./support/session";

type PageOptions = { phone?: boolean; dark?: boolean };

type Fixtures = {
  /** A fresh user, made through the API. */
  owner: TestUser;
  /** The owner's own workspace. */
  workspace: TestWorkspace;
  /** A project (key LCH) in that workspace, with the default statuses. */
  project: TestProject;
  /** A second user, a member of the workspace. */
  teammate: TestUser;
  /** The default page, signed in as the owner. */
  ownerPage: Page;
  /** A page in its own browser context, signed in as the teammate. */
  teammatePage: Page;
  /** A page in its own browser context signed in as `user`, optionally phone-sized and dark. */
  newPageAs: (user: TestUser, options?: PageOptions) => Promise<Page>;
  /** Fails the test on serious or critical axe violations on the page as it is now. */
  expectAccessible: (page: Page, name?: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  owner: async ({ request }, use) => {
    await use(await createUser(request, "Alice Owner"));
  },
  workspace: async ({ request, owner }, use) => {
    await use(await createWorkspace(request, owner));
  },
  project: async ({ request, workspace }, use) => {
    await use(await createProject(request, workspace));
  },
  teammate: async ({ request, workspace }, use) => {
    const user = await createUser(request, "Bob Teammate");
    await addMember(request, workspace, user, "member");
    await use(user);
  },
  ownerPage: async ({ page, owner, baseURL }, use) => {
    await signInContext(page.context(), baseURL!, owner);
    await use(page);
  },
  newPageAs: async ({ browser, baseURL }, use) => {
    const opened: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (user, options = {}) => {
      const phone: BrowserContextOptions = options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {};
      // The runner gives contexts made here the config's `use` options (baseURL, timeouts, tracing).
      const context = await browser.newContext({ ...phone, colorScheme: options.dark ? "dark" : "light" });
      opened.push(context);
      await signInContext(context, baseURL!, user);
      return context.newPage();
    });
    await Promise.all(opened.map((c) => c.close()));
  },
  teammatePage: async ({ teammate, newPageAs }, use) => {
    await use(await newPageAs(teammate));
  },
  expectAccessible: async ({}, use) => {
    await use(expectAccessible);
  },
});

export { expect } from "@playwright/test";
