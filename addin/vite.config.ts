import { defineConfig } from "vite";

// Relative asset paths: the build works wherever it is served (the service maps /addin/
// to addin/dist). Bundles go to dist/bundle/, icons stay at dist/assets/ for the manifest.
export default defineConfig({
  base: "./",
  build: { outDir: "dist", assetsDir: "bundle", emptyOutDir: true, target: "es2020" },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**"],
    environment: "node",
  },
});
