import { defineConfig } from "vitest/config";

// Browser tests: headless Debian Chromium through playwright-core. Run by scripts/test.sh.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
