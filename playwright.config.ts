import { defineConfig } from "@playwright/test";

const CI = Boolean(process.env.CI);

// Browser tests: tests/e2e/*.spec.ts against a production build on a throwaway database
// (tests/e2e/setup/global-setup.ts starts it; see the README's "Browser tests").
export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.ts",
  globalSetup: "./tests/e2e/setup/global-setup.ts",
  outputDir: "test-results/artifacts",
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { outputFolder: "test-results/html-report", open: "never" }]],
  use: {
    // Set by the global setup before the workers start (they load this file again).
    baseURL: process.env.E2E_BASE_URL,
    viewport: { width: 1366, height: 860 },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
