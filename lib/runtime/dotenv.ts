import { existsSync } from "node:fs";

/**
 * Scripts read `.env` when present (variables already in the environment win), as Next does for its own server.
 * Kept out of lib/env.ts: the app never needs it, and a file read there makes Next trace the whole project.
 */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
