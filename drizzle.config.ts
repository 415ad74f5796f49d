import { defineConfig } from "drizzle-kit";

// Migrations are generated here and applied by the app at start (lib/db/client.ts), never at build.
export default defineConfig({
  dialect: "sqlite",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
