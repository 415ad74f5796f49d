import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// `server-only` throws outside a React Server Components bundle; in tests and scripts it is an empty module
// (docs/decisions/004-server-only-outside-next.md).
const alias = {
  "@/": root,
  "server-only": fileURLToPath(new URL("./lib/test/empty-module.ts", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts"],
          exclude: ["lib/**/*.int.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["lib/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Meilisearch server is shared; files run one after another to keep index state predictable.
          fileParallelism: false,
        },
      },
    ],
  },
});
