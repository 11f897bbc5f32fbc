import { defineConfig } from "@playwright/test"

// Each worker runs its own demo store and its own Chromium (see fixtures.ts), so two workers fit two cores.
export default defineConfig({
  testDir: "e2e",
  outputDir: ".results/playwright-artifacts",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["json"]],
  use: { trace: "retain-on-failure", locale: "zh-CN" }
})
