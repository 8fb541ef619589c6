import { defineConfig } from "vitest/config";

// Browser tests: headless Debian Chromium through playwright-core. `npm run test:browser`
// needs only the build; `npm run test:e2e` starts the real service (src/Officina.Service).
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
