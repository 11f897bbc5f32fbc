import { defaultClientConditions, defaultServerConditions } from "vite"
import { defineConfig } from "vitest/config"

// Unit tests sit next to the code they test. End-to-end tests live in tests/e2e and run under Playwright.
export default defineConfig({
  // Workspace packages resolve to their TypeScript sources, so unit tests never need a build first.
  resolve: { conditions: ["source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["source", ...defaultServerConditions], externalConditions: ["source"] } },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    include: ["sdk/**/*.test.{ts,tsx}", "extension/**/*.test.{ts,tsx}", "demo-store/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/bench/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "**/build/**", "**/.plasmo/**"],
    testTimeout: 20_000
  }
})
