import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// e2e runs against a production build (`npm run build` first, as `npm test` does) started by the real
// `npm start` path, on its own port, Meilisearch port and data dir — never a running demo's.
// E2E_PORT / E2E_MEILI_PORT let a second checkout run its suite beside this one.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const MEILI_PORT = process.env.E2E_MEILI_PORT ?? "7702";
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    locale: "it-IT",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Playwright's own browser download does not work here; Debian's chromium does (.ci/run installs it).
        launchOptions: chromium
          ? { executablePath: chromium, args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"] }
          : {},
      },
    },
  ],
  webServer: {
    command: "node --conditions=react-server --import tsx scripts/e2e-server.ts",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(PORT),
      MEILI_PORT,
      SPORTELLO_DATA_DIR: ".e2e-data",
      SPORTELLO_DEMO: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
