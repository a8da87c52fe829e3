import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "."),
      // server-only throws outside React Server Components; tests run server code directly
      "server-only": path.resolve(import.meta.dirname, "db/test/empty.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "emails/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./db/test/global-setup.ts"],
    setupFiles: ["./db/test/setup-file.ts"],
    // Ceilings, not budgets: tests wait on conditions, and a CI machine may be
    // busy (a 250-row roster import took over 30 s at load 28 on 2 cores).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
